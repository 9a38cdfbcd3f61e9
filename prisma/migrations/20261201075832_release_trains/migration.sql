-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "trainId" TEXT;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "trainId" TEXT;

-- CreateTable
CREATE TABLE "Pipeline" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pipeline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PipelineVersion" (
    "id" TEXT NOT NULL,
    "pipelineId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "yaml" TEXT NOT NULL,
    "publishedBy" TEXT,
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PipelineVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Train" (
    "id" TEXT NOT NULL,
    "pipelineId" TEXT NOT NULL,
    "pipelineVersionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "track" TEXT,
    "version" TEXT NOT NULL,
    "baseRef" TEXT,
    "changelog" TEXT NOT NULL DEFAULT '',
    "startedBy" TEXT,
    "derailReason" TEXT,
    "derailedBy" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Train_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainStation" (
    "id" TEXT NOT NULL,
    "trainId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3),
    "reachedAt" TIMESTAMP(3),
    "runIds" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "TrainStation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feature" (
    "id" TEXT NOT NULL,
    "pipelineId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT,
    "branch" TEXT,
    "owner" TEXT,
    "status" TEXT NOT NULL,
    "readyAt" TIMESTAMP(3),
    "firstCommitAt" TIMESTAMP(3),
    "missedTrainId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainFeature" (
    "trainId" TEXT NOT NULL,
    "featureId" TEXT NOT NULL,
    "boardedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "TrainFeature_pkey" PRIMARY KEY ("trainId","featureId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Pipeline_key_key" ON "Pipeline"("key");

-- CreateIndex
CREATE UNIQUE INDEX "PipelineVersion_pipelineId_version_key" ON "PipelineVersion"("pipelineId", "version");

-- CreateIndex
CREATE INDEX "Train_status_idx" ON "Train"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Train_pipelineId_number_key" ON "Train"("pipelineId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Train_pipelineId_track_key" ON "Train"("pipelineId", "track");

-- CreateIndex
CREATE UNIQUE INDEX "TrainStation_trainId_key_key" ON "TrainStation"("trainId", "key");

-- CreateIndex
CREATE INDEX "Feature_pipelineId_status_idx" ON "Feature"("pipelineId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Feature_pipelineId_key_key" ON "Feature"("pipelineId", "key");

-- CreateIndex
CREATE INDEX "Event_trainId_idx" ON "Event"("trainId");

-- CreateIndex
CREATE INDEX "Run_trainId_idx" ON "Run"("trainId");

-- AddForeignKey
ALTER TABLE "PipelineVersion" ADD CONSTRAINT "PipelineVersion_pipelineId_fkey" FOREIGN KEY ("pipelineId") REFERENCES "Pipeline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Train" ADD CONSTRAINT "Train_pipelineId_fkey" FOREIGN KEY ("pipelineId") REFERENCES "Pipeline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Train" ADD CONSTRAINT "Train_pipelineVersionId_fkey" FOREIGN KEY ("pipelineVersionId") REFERENCES "PipelineVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainStation" ADD CONSTRAINT "TrainStation_trainId_fkey" FOREIGN KEY ("trainId") REFERENCES "Train"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feature" ADD CONSTRAINT "Feature_pipelineId_fkey" FOREIGN KEY ("pipelineId") REFERENCES "Pipeline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainFeature" ADD CONSTRAINT "TrainFeature_trainId_fkey" FOREIGN KEY ("trainId") REFERENCES "Train"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainFeature" ADD CONSTRAINT "TrainFeature_featureId_fkey" FOREIGN KEY ("featureId") REFERENCES "Feature"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A train holds its track exactly while it runs, on the track of its own kind (hand-written: Prisma
-- cannot express CHECK constraints). With the unique index on ("pipelineId", "track") this makes
-- "one regular and one hotfix train per pipeline" a rule of the database, not of the code.
ALTER TABLE "Train" ADD CONSTRAINT "Train_track_check" CHECK (("status" = 'running') = ("track" IS NOT NULL) AND ("track" IS NULL OR "track" = "kind"));
ALTER TABLE "Train" ADD CONSTRAINT "Train_kind_check" CHECK ("kind" IN ('regular', 'hotfix'));
