-- CreateEnum
CREATE TYPE "AnnotationKind" AS ENUM ('BRUSH', 'ERASER', 'POLYGON', 'INSTANCE');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('IN_PROGRESS', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED');

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "trainOnApprovedOnly" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Annotation" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,
    "labelClassId" TEXT,
    "kind" "AnnotationKind" NOT NULL,
    "geometry" JSONB NOT NULL,
    "fillHoles" BOOLEAN NOT NULL DEFAULT false,
    "zOrder" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "authorId" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "minX" DOUBLE PRECISION NOT NULL,
    "minY" DOUBLE PRECISION NOT NULL,
    "maxX" DOUBLE PRECISION NOT NULL,
    "maxY" DOUBLE PRECISION NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationOp" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationOp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImageAnnotationState" (
    "imageId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "opSeq" INTEGER NOT NULL DEFAULT 0,
    "status" "ReviewStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "submittedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImageAnnotationState_pkey" PRIMARY KEY ("imageId")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "x" DOUBLE PRECISION NOT NULL,
    "y" DOUBLE PRECISION NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Annotation_organizationId_imageId_idx" ON "Annotation"("organizationId", "imageId");

-- CreateIndex
CREATE INDEX "Annotation_imageId_zOrder_idx" ON "Annotation"("imageId", "zOrder");

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationOp_imageId_seq_key" ON "AnnotationOp"("imageId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationOp_organizationId_idempotencyKey_key" ON "AnnotationOp"("organizationId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "ImageAnnotationState_organizationId_projectId_status_idx" ON "ImageAnnotationState"("organizationId", "projectId", "status");

-- CreateIndex
CREATE INDEX "ReviewComment_organizationId_imageId_idx" ON "ReviewComment"("organizationId", "imageId");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationOp" ADD CONSTRAINT "AnnotationOp_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageAnnotationState" ADD CONSTRAINT "ImageAnnotationState_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;
