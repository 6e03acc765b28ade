-- CreateEnum
CREATE TYPE "ImageStatus" AS ENUM ('UPLOADING', 'QUEUED', 'INGESTING', 'READY', 'FAILED');

-- CreateTable
CREATE TABLE "Image" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT,
    "status" "ImageStatus" NOT NULL DEFAULT 'UPLOADING',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "error" TEXT,
    "sizeBytes" BIGINT NOT NULL,
    "contentType" TEXT NOT NULL DEFAULT 'application/octet-stream',
    "sourceKey" TEXT NOT NULL,
    "uploadId" TEXT,
    "partSize" INTEGER NOT NULL,
    "partCount" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "sizeC" INTEGER,
    "sizeZ" INTEGER,
    "sizeT" INTEGER,
    "dtype" TEXT,
    "physicalSizeX" DOUBLE PRECISION,
    "physicalSizeY" DOUBLE PRECISION,
    "physicalSizeZ" DOUBLE PRECISION,
    "channels" JSONB NOT NULL DEFAULT '[]',
    "levels" JSONB NOT NULL DEFAULT '[]',
    "chunkSize" INTEGER,
    "zarrPrefix" TEXT,
    "thumbnailKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "readyAt" TIMESTAMP(3),

    CONSTRAINT "Image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImageUploadPart" (
    "imageId" TEXT NOT NULL,
    "partNumber" INTEGER NOT NULL,
    "etag" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "md5" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImageUploadPart_pkey" PRIMARY KEY ("imageId","partNumber")
);

-- CreateIndex
CREATE INDEX "Image_organizationId_projectId_createdAt_idx" ON "Image"("organizationId", "projectId", "createdAt");

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageUploadPart" ADD CONSTRAINT "ImageUploadPart_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;
