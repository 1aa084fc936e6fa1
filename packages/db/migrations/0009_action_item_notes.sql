ALTER TABLE "review_action_items" ADD COLUMN "note" text;--> statement-breakpoint
CREATE INDEX "review_action_items_owner_idx" ON "review_action_items" USING btree ("owner_id");