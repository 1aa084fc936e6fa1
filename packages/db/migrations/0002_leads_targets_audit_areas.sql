CREATE TYPE "public"."target_change_source" AS ENUM('target', 'figures', 'import');--> statement-breakpoint
CREATE TABLE "target_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"area_id" uuid NOT NULL,
	"from_month" text NOT NULL,
	"to_month" text NOT NULL,
	"revenue_target" numeric(18, 4) NOT NULL,
	"reason" text NOT NULL,
	"source" "target_change_source" NOT NULL,
	"previous" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_email" text NOT NULL,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "area_slugs" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "target_changes" ADD CONSTRAINT "target_changes_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_changes" ADD CONSTRAINT "target_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_changes_area_idx" ON "target_changes" USING btree ("area_id","from_month","to_month");--> statement-breakpoint
CREATE INDEX "audit_events_area_slugs_idx" ON "audit_events" USING gin ("area_slugs");--> statement-breakpoint
UPDATE "audit_events" SET "area_slugs" = ARRAY["area_slug"] WHERE "area_slug" IS NOT NULL;
