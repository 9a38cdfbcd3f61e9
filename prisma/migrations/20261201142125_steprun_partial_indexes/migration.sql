-- DropIndex
DROP INDEX "StepRun_status_queuedAt_idx";

-- DropIndex
DROP INDEX "StepRun_status_leaseUntil_idx";

-- CreateIndex
CREATE INDEX "StepRun_queuedAt_idx" ON "StepRun"("queuedAt") WHERE (status = 'queued');

-- CreateIndex
CREATE INDEX "StepRun_leaseUntil_idx" ON "StepRun"("leaseUntil") WHERE (status = 'running');

-- CreateIndex
CREATE INDEX "StepRun_wakeAt_idx" ON "StepRun"("wakeAt") WHERE (status = 'waiting');
