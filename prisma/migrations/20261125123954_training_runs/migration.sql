-- CreateEnum
CREATE TYPE "TrainingStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "TrainingRun" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "createdById" TEXT,
    "name" TEXT NOT NULL,
    "status" "TrainingStatus" NOT NULL DEFAULT 'QUEUED',
    "modelType" TEXT NOT NULL,
    "classes" TEXT[],
    "settings" JSONB NOT NULL,
    "config" JSONB NOT NULL,
    "seed" INTEGER NOT NULL,
    "imageIds" TEXT[],
    "snapshotKey" TEXT NOT NULL,
    "snapshotHash" TEXT NOT NULL,
    "totalSteps" INTEGER NOT NULL,
    "checkpointEvery" INTEGER NOT NULL DEFAULT 50,
    "step" INTEGER NOT NULL DEFAULT 0,
    "epoch" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "loss" DOUBLE PRECISION,
    "valMetric" DOUBLE PRECISION,
    "bestValMetric" DOUBLE PRECISION,
    "bestStep" INTEGER,
    "msPerStep" DOUBLE PRECISION,
    "etaSeconds" DOUBLE PRECISION,
    "checkpointKey" TEXT,
    "checkpointStep" INTEGER NOT NULL DEFAULT 0,
    "resumeCount" INTEGER NOT NULL DEFAULT 0,
    "workerId" TEXT,
    "cancelRequestedAt" TIMESTAMP(3),
    "error" TEXT,
    "retryOfId" TEXT,
    "modelVersionId" TEXT,
    "metrics" JSONB NOT NULL DEFAULT '{}',
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRunPoint" (
    "runId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "loss" DOUBLE PRECISION NOT NULL,
    "lr" DOUBLE PRECISION NOT NULL,
    "valMetric" DOUBLE PRECISION,
    "elapsedMs" INTEGER NOT NULL,

    CONSTRAINT "TrainingRunPoint_pkey" PRIMARY KEY ("runId","step")
);

-- CreateIndex
CREATE INDEX "TrainingRun_organizationId_projectId_createdAt_idx" ON "TrainingRun"("organizationId", "projectId", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingRun_status_queuedAt_idx" ON "TrainingRun"("status", "queuedAt");

-- AddForeignKey
ALTER TABLE "TrainingRunPoint" ADD CONSTRAINT "TrainingRunPoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "TrainingRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
