-- A station reached by an event remembers which one, so the train page can link to it.
ALTER TABLE "TrainStation" ADD COLUMN "reachedByEventId" TEXT;
