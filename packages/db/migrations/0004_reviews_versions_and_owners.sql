ALTER TABLE "review_action_items" ADD COLUMN "area_slug" text;--> statement-breakpoint
ALTER TABLE "review_action_items" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "review_action_items" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD COLUMN "area_slug" text;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "review_action_items" ADD CONSTRAINT "review_action_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_action_items_review_idx" ON "review_action_items" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "review_decisions_review_idx" ON "review_decisions" USING btree ("review_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_month_idx" ON "reviews" USING btree ("month");