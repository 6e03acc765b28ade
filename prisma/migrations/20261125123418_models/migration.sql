-- CreateEnum
CREATE TYPE "ModelSource" AS ENUM ('TRAINED', 'IMPORTED', 'SERVICE');

-- CreateEnum
CREATE TYPE "ModelTaskStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "PackageKind" AS ENUM ('CZANN', 'BUNDLE');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('REQUESTED', 'QUOTED', 'ACCEPTED', 'IN_PROGRESS', 'DELIVERED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Model" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelVersion" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "source" "ModelSource" NOT NULL,
    "format" TEXT NOT NULL,
    "modelType" TEXT NOT NULL,
    "classes" TEXT[],
    "fileKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "fileBytes" INTEGER NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "findings" JSONB NOT NULL DEFAULT '[]',
    "valid" BOOLEAN NOT NULL DEFAULT true,
    "lineage" JSONB NOT NULL DEFAULT '{}',
    "metrics" JSONB NOT NULL DEFAULT '{}',
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelPackage" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "kind" "PackageKind" NOT NULL,
    "status" "ModelTaskStatus" NOT NULL DEFAULT 'QUEUED',
    "error" TEXT,
    "artifacts" JSONB NOT NULL DEFAULT '{}',
    "parity" JSONB,
    "parityPassed" BOOLEAN,
    "docker" JSONB,
    "timings" JSONB NOT NULL DEFAULT '{}',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ModelPackage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InferenceRun" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "imageId" TEXT,
    "inputKey" TEXT NOT NULL,
    "inputName" TEXT NOT NULL,
    "status" "ModelTaskStatus" NOT NULL DEFAULT 'QUEUED',
    "error" TEXT,
    "outputs" JSONB NOT NULL DEFAULT '{}',
    "summary" JSONB NOT NULL DEFAULT '{}',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "InferenceRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelOrder" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'REQUESTED',
    "goal" TEXT NOT NULL,
    "classes" TEXT[],
    "examples" JSONB NOT NULL DEFAULT '[]',
    "deadline" TIMESTAMP(3),
    "webhookUrl" TEXT,
    "quoteCents" INTEGER,
    "quoteCurrency" TEXT,
    "quoteNote" TEXT,
    "deliveredVersionId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModelOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceGrant" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Model_organizationId_idx" ON "Model"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Model_projectId_name_key" ON "Model"("projectId", "name");

-- CreateIndex
CREATE INDEX "ModelVersion_organizationId_idx" ON "ModelVersion"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_modelId_number_key" ON "ModelVersion"("modelId", "number");

-- CreateIndex
CREATE INDEX "ModelPackage_organizationId_versionId_idx" ON "ModelPackage"("organizationId", "versionId");

-- CreateIndex
CREATE INDEX "InferenceRun_organizationId_projectId_createdAt_idx" ON "InferenceRun"("organizationId", "projectId", "createdAt");

-- CreateIndex
CREATE INDEX "ModelOrder_organizationId_createdAt_idx" ON "ModelOrder"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "ModelOrder_status_idx" ON "ModelOrder"("status");

-- CreateIndex
CREATE INDEX "ServiceGrant_organizationId_projectId_idx" ON "ServiceGrant"("organizationId", "projectId");

-- CreateIndex
CREATE INDEX "Notification_organizationId_createdAt_idx" ON "Notification"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelPackage" ADD CONSTRAINT "ModelPackage_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ModelVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InferenceRun" ADD CONSTRAINT "InferenceRun_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ModelVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelOrder" ADD CONSTRAINT "ModelOrder_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceGrant" ADD CONSTRAINT "ServiceGrant_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "ModelOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;
