CREATE TABLE "incident_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"actor_name" text,
	"action" text NOT NULL,
	"month" text,
	"from_status" "signal_status",
	"to_status" "signal_status" NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "finding_kind" NOT NULL,
	"area_id" uuid NOT NULL,
	"first_month" text NOT NULL,
	"latest_month" text NOT NULL,
	"months" integer NOT NULL,
	"gaps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"peak_severity" "severity" NOT NULL,
	"current_severity" "severity" NOT NULL,
	"status" "signal_status" DEFAULT 'open' NOT NULL,
	"status_reason" text,
	"resolved_month" text,
	"escalated" boolean DEFAULT false NOT NULL,
	"decided_severity" "severity",
	"decided_through" text,
	"snoozed_until" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "incident_id" uuid;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_events_incident_idx" ON "incident_events" USING btree ("incident_id","id");--> statement-breakpoint
CREATE INDEX "incidents_area_kind_idx" ON "incidents" USING btree ("area_id","kind","first_month");--> statement-breakpoint
CREATE INDEX "incidents_triage_idx" ON "incidents" USING btree ("status","current_severity","first_month");--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE set null ON UPDATE no action;