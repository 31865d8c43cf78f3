CREATE TABLE "budget_realisasi" (
	"tenant_id" uuid NOT NULL,
	"budget_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"report_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_realisasi_tenant_id_budget_id_year_quarter_pk" PRIMARY KEY("tenant_id","budget_id","year","quarter"),
	CONSTRAINT "budget_realisasi_quarter_check" CHECK ("budget_realisasi"."quarter" between 1 and 4),
	CONSTRAINT "budget_realisasi_amount_check" CHECK ("budget_realisasi"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"indicator_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	CONSTRAINT "evidence_files_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "evidence_files_size_check" CHECK ("evidence_files"."size_bytes" > 0),
	CONSTRAINT "evidence_files_sha_check" CHECK ("evidence_files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "evidence_files_name_check" CHECK (length(trim("evidence_files"."file_name")) between 1 and 255)
);
--> statement-breakpoint
CREATE TABLE "quarter_report_transitions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quarter_report_transitions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "quarter_report_transitions_return_note" CHECK ("quarter_report_transitions"."to_status" <> 'returned' or length(trim(coalesce("quarter_report_transitions"."note", ''))) >= 5)
);
--> statement-breakpoint
CREATE TABLE "quarter_reports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"unit_id" uuid,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"unlocked_until" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quarter_reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "quarter_reports_quarter_check" CHECK ("quarter_reports"."quarter" between 1 and 4),
	CONSTRAINT "quarter_reports_status_check" CHECK ("quarter_reports"."status" in ('draft', 'submitted', 'approved', 'verified', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "quarter_unlocks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"granted_until" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "quarter_unlocks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "quarter_unlocks_status_check" CHECK ("quarter_unlocks"."status" in ('pending', 'granted', 'refused')),
	CONSTRAINT "quarter_unlocks_reason_check" CHECK (length(trim("quarter_unlocks"."reason")) between 10 and 2000),
	CONSTRAINT "quarter_unlocks_granted_check" CHECK (("quarter_unlocks"."status" = 'granted') = ("quarter_unlocks"."granted_until" is not null))
);
--> statement-breakpoint
CREATE TABLE "realisasi" (
	"tenant_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"report_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"value" numeric,
	"code" text,
	"analysis" text DEFAULT '' NOT NULL,
	"obstacles" text DEFAULT '' NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"capaian_quarter" numeric,
	"capaian_to_date" numeric,
	"capaian_annual" numeric,
	"band" text,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "realisasi_tenant_id_indicator_id_year_quarter_pk" PRIMARY KEY("tenant_id","indicator_id","year","quarter"),
	CONSTRAINT "realisasi_quarter_check" CHECK ("realisasi"."quarter" between 1 and 4),
	CONSTRAINT "realisasi_value_check" CHECK (not ("realisasi"."value" is not null and "realisasi"."code" is not null) and ("realisasi"."code" is null or length(trim("realisasi"."code")) > 0)),
	CONSTRAINT "realisasi_band_check" CHECK ("realisasi"."band" is null or "realisasi"."band" in ('sangat_tinggi', 'tinggi', 'sedang', 'rendah', 'sangat_rendah')),
	CONSTRAINT "realisasi_text_check" CHECK (length("realisasi"."analysis") <= 5000 and length("realisasi"."obstacles") <= 5000 and length("realisasi"."follow_up") <= 5000)
);
--> statement-breakpoint
CREATE TABLE "supervisory_notes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"unit_id" uuid,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervisory_notes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "supervisory_notes_quarter_check" CHECK ("supervisory_notes"."quarter" between 1 and 4),
	CONSTRAINT "supervisory_notes_note_check" CHECK (length(trim("supervisory_notes"."note")) between 3 and 4000)
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"message_id" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_outbox_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "mail_outbox_status_check" CHECK ("mail_outbox"."status" in ('pending', 'sending', 'sent', 'failed')),
	CONSTRAINT "mail_outbox_address_check" CHECK ("mail_outbox"."to_address" ~ '^[^@\s]+@[^@\s]+$'),
	CONSTRAINT "mail_outbox_attempts_check" CHECK ("mail_outbox"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"due_on" date,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('reminder', 'escalation', 'submitted', 'approved', 'verified', 'returned', 'unlock_requested', 'unlock_decided')),
	CONSTRAINT "notifications_link_check" CHECK ("notifications"."link" is null or "notifications"."link" ~ '^/[^/]')
);
--> statement-breakpoint
ALTER TABLE "agreement_indicators" ADD COLUMN "allow_negative" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "allow_negative" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "budget_realisasi" ADD CONSTRAINT "budget_realisasi_budget_fk" FOREIGN KEY ("tenant_id","budget_id") REFERENCES "public"."agreement_budgets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_realisasi" ADD CONSTRAINT "budget_realisasi_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."quarter_reports"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_realisasi" ADD CONSTRAINT "budget_realisasi_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreements"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."quarter_reports"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_indicator_fk" FOREIGN KEY ("tenant_id","indicator_id") REFERENCES "public"."agreement_indicators"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_report_transitions" ADD CONSTRAINT "quarter_report_transitions_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."quarter_reports"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_report_transitions" ADD CONSTRAINT "quarter_report_transitions_actor_fk" FOREIGN KEY ("tenant_id","actor_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_reports" ADD CONSTRAINT "quarter_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_reports" ADD CONSTRAINT "quarter_reports_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreements"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_reports" ADD CONSTRAINT "quarter_reports_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_unlocks" ADD CONSTRAINT "quarter_unlocks_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."quarter_reports"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisasi" ADD CONSTRAINT "realisasi_indicator_fk" FOREIGN KEY ("tenant_id","indicator_id") REFERENCES "public"."agreement_indicators"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisasi" ADD CONSTRAINT "realisasi_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."quarter_reports"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisasi" ADD CONSTRAINT "realisasi_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreements"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisory_notes" ADD CONSTRAINT "supervisory_notes_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_realisasi_report_idx" ON "budget_realisasi" USING btree ("tenant_id","report_id");--> statement-breakpoint
CREATE INDEX "evidence_files_report_idx" ON "evidence_files" USING btree ("tenant_id","report_id");--> statement-breakpoint
CREATE INDEX "quarter_report_transitions_report_idx" ON "quarter_report_transitions" USING btree ("tenant_id","report_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "quarter_reports_key" ON "quarter_reports" USING btree ("tenant_id","agreement_id","year","quarter");--> statement-breakpoint
CREATE INDEX "quarter_reports_period_idx" ON "quarter_reports" USING btree ("tenant_id","year","quarter","status");--> statement-breakpoint
CREATE INDEX "quarter_reports_unit_idx" ON "quarter_reports" USING btree ("tenant_id","unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "quarter_unlocks_one_pending" ON "quarter_unlocks" USING btree ("tenant_id","report_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "quarter_unlocks_status_idx" ON "quarter_unlocks" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "realisasi_report_idx" ON "realisasi" USING btree ("tenant_id","report_id");--> statement-breakpoint
CREATE INDEX "realisasi_agreement_idx" ON "realisasi" USING btree ("tenant_id","agreement_id","year","quarter");--> statement-breakpoint
CREATE INDEX "supervisory_notes_period_idx" ON "supervisory_notes" USING btree ("tenant_id","year","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_dedupe_key" ON "mail_outbox" USING btree ("tenant_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("next_attempt_at") WHERE status in ('pending', 'sending');--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("tenant_id","user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("tenant_id","user_id","created_at");