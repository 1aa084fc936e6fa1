CREATE TYPE "public"."drift_state" AS ENUM('drift', 'clear', 'insufficient_data');--> statement-breakpoint
CREATE SEQUENCE "public"."area_month_versions" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "area_assessments" (
	"area_id" uuid NOT NULL,
	"month" text NOT NULL,
	"ownership_index" double precision NOT NULL,
	"centralisation_index" double precision NOT NULL,
	"revenue_attainment" double precision,
	"marketing" double precision,
	"sales" double precision,
	"hiring" double precision,
	"target" double precision,
	"dependencies" double precision,
	"processes" double precision,
	"latency" double precision,
	"central_decisions" double precision,
	"hiring_carried_from" text,
	"decisions_carried_from" text,
	"drift_state" "drift_state" NOT NULL,
	"ownership_delta" double precision,
	"centralisation_delta" double precision,
	"magnitude" double precision,
	"severity" "severity",
	"consecutive_months" integer,
	"marketing_points" double precision,
	"sales_points" double precision,
	"hiring_points" double precision,
	"target_points" double precision,
	"dependencies_points" double precision,
	"processes_points" double precision,
	"latency_points" double precision,
	"central_decisions_points" double precision,
	CONSTRAINT "area_assessments_area_id_month_pk" PRIMARY KEY("area_id","month")
);
--> statement-breakpoint
ALTER TABLE "area_months" ALTER COLUMN "version" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "area_months" ALTER COLUMN "version" SET DEFAULT nextval('area_month_versions');--> statement-breakpoint
-- New versions start above every version given so far, so no ETag handed out before repeats.
SELECT setval('area_month_versions', coalesce((SELECT max("version") FROM "area_months"), 0) + 1, false);--> statement-breakpoint
ALTER TABLE "area_assessments" ADD CONSTRAINT "area_assessments_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_assessments_month_idx" ON "area_assessments" USING btree ("month","area_id");--> statement-breakpoint
CREATE INDEX "signals_area_month_idx" ON "signals" USING btree ("area_id","month");