-- DropIndex
DROP INDEX "Run_eventId_workflowVersionId_key";

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "replayOfId" TEXT;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "concurrencyKey" TEXT,
ADD COLUMN     "previousRunId" TEXT,
ADD COLUMN     "reason" TEXT NOT NULL DEFAULT 'event';

-- AlterTable
ALTER TABLE "StepRun" ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "waitFor" JSONB;

-- CreateTable
CREATE TABLE "Secret" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "valueEnc" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Secret_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Secret_name_key" ON "Secret"("name");

-- CreateIndex
CREATE INDEX "Event_parentRunId_idx" ON "Event"("parentRunId");

-- CreateIndex
CREATE INDEX "Run_eventId_idx" ON "Run"("eventId");

-- CreateIndex
CREATE INDEX "Run_workflowVersionId_concurrencyKey_status_idx" ON "Run"("workflowVersionId", "concurrencyKey", "status");

-- CreateIndex
CREATE INDEX "StepRun_status_leaseUntil_idx" ON "StepRun"("status", "leaseUntil");
