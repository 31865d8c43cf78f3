CREATE TABLE "agreement_budgets" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"source_node_id" uuid,
	"program_code" text NOT NULL,
	"program_name" text NOT NULL,
	"kegiatan_code" text,
	"kegiatan_name" text,
	"sub_kegiatan_code" text,
	"sub_kegiatan_name" text,
	"amount" numeric(20, 2) NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "agreement_budgets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "agreement_budgets_amount_check" CHECK ("agreement_budgets"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "agreement_indicators" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"source_indicator_id" uuid,
	"name" text NOT NULL,
	"satuan" text DEFAULT '' NOT NULL,
	"polarity" text DEFAULT 'positive' NOT NULL,
	"method" text DEFAULT 'ratio' NOT NULL,
	"aggregation" text DEFAULT 'last' NOT NULL,
	"scale_id" uuid,
	"is_iku" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "agreement_indicators_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "agreement_indicators_name_check" CHECK (length(trim("agreement_indicators"."name")) between 3 and 1000),
	CONSTRAINT "agreement_indicators_method_check" CHECK (("agreement_indicators"."method" in ('inverse_difference', 'inverse_ratio') and "agreement_indicators"."polarity" = 'negative')
       or ("agreement_indicators"."method" in ('ratio', 'range', 'scale') and "agreement_indicators"."polarity" = 'positive')),
	CONSTRAINT "agreement_indicators_scale_check" CHECK (("agreement_indicators"."method" = 'scale') = ("agreement_indicators"."scale_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "agreement_objectives" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"source_node_id" uuid,
	"title" text NOT NULL,
	"supports_objective_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "agreement_objectives_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "agreement_objectives_title_check" CHECK (length(trim("agreement_objectives"."title")) between 2 and 1000)
);
--> statement-breakpoint
CREATE TABLE "agreement_targets" (
	"tenant_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"target_value" numeric,
	"target_low" numeric,
	"target_high" numeric,
	"target_code" text,
	CONSTRAINT "agreement_targets_tenant_id_indicator_id_year_quarter_pk" PRIMARY KEY("tenant_id","indicator_id","year","quarter"),
	CONSTRAINT "agreement_targets_quarter_check" CHECK ("agreement_targets"."quarter" between 0 and 4),
	CONSTRAINT "agreement_targets_value_check" CHECK (("agreement_targets"."target_value" is not null and "agreement_targets"."target_low" is null and "agreement_targets"."target_high" is null and "agreement_targets"."target_code" is null) or ("agreement_targets"."target_value" is null and "agreement_targets"."target_low" is not null and "agreement_targets"."target_high" is not null and "agreement_targets"."target_low" <= "agreement_targets"."target_high" and "agreement_targets"."target_code" is null) or ("agreement_targets"."target_value" is null and "agreement_targets"."target_low" is null and "agreement_targets"."target_high" is null and length(trim("agreement_targets"."target_code")) > 0))
);
--> statement-breakpoint
CREATE TABLE "agreement_transitions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" uuid,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_transitions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "agreement_transitions_return_comment" CHECK ("agreement_transitions"."to_status" <> 'returned' or length(trim(coalesce("agreement_transitions"."comment", ''))) >= 5)
);
--> statement-breakpoint
CREATE TABLE "agreement_years" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"dpa_approved_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_years_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "agreement_years_year_check" CHECK ("agreement_years"."year" between 2000 and 2100),
	CONSTRAINT "agreement_years_status_check" CHECK ("agreement_years"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"year_id" uuid NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"level" text NOT NULL,
	"unit_id" uuid,
	"plan_period_id" uuid,
	"position_id" uuid NOT NULL,
	"first_party_employee_id" uuid NOT NULL,
	"first_party_assignment_kind" text NOT NULL,
	"second_party_position_id" uuid,
	"second_party_employee_id" uuid,
	"second_party_assignment_kind" text,
	"second_party_override_reason" text,
	"agreement_date" date NOT NULL,
	"parent_agreement_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision_no" integer DEFAULT 0 NOT NULL,
	"root_id" uuid NOT NULL,
	"previous_id" uuid,
	"revision_reason" text,
	"revision_note" text,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"ready_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "agreements_level_check" CHECK ("agreements"."level" in ('pemda', 'kepala_pd', 'eselon_iii', 'eselon_iv', 'pelaksana')),
	CONSTRAINT "agreements_status_check" CHECK ("agreements"."status" in ('draft', 'submitted', 'returned', 'verified', 'ready_to_sign', 'signed', 'published', 'superseded')),
	CONSTRAINT "agreements_years_check" CHECK ("agreements"."end_year" >= "agreements"."start_year" and "agreements"."end_year" <= "agreements"."start_year" + 4),
	CONSTRAINT "agreements_second_party_check" CHECK (("agreements"."level" = 'pemda') = ("agreements"."second_party_position_id" is null)
       and ("agreements"."second_party_position_id" is null) = ("agreements"."second_party_employee_id" is null)),
	CONSTRAINT "agreements_unit_check" CHECK (("agreements"."level" = 'pemda') = ("agreements"."unit_id" is null)),
	CONSTRAINT "agreements_revision_check" CHECK (("agreements"."revision_no" = 0 and "agreements"."previous_id" is null and "agreements"."root_id" = "agreements"."id")
       or ("agreements"."revision_no" > 0 and "agreements"."previous_id" is not null and "agreements"."revision_reason" is not null
           and length(trim(coalesce("agreements"."revision_note", ''))) >= 10)),
	CONSTRAINT "agreements_revision_reason_check" CHECK ("agreements"."revision_reason" is null or "agreements"."revision_reason" in ('mutasi', 'perubahan_strategi', 'perubahan_prioritas')),
	CONSTRAINT "agreements_override_check" CHECK ("agreements"."second_party_override_reason" is null or length(trim("agreements"."second_party_override_reason")) >= 10)
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"tenant_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_lines_tenant_id_node_id_year_kind_pk" PRIMARY KEY("tenant_id","node_id","year","kind"),
	CONSTRAINT "budget_lines_kind_check" CHECK ("budget_lines"."kind" in ('pagu_indikatif', 'dpa', 'dpa_perubahan')),
	CONSTRAINT "budget_lines_amount_check" CHECK ("budget_lines"."amount" >= 0),
	CONSTRAINT "budget_lines_year_check" CHECK ("budget_lines"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"tenant_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"target_value" numeric,
	"target_low" numeric,
	"target_high" numeric,
	"target_code" text,
	CONSTRAINT "indicator_targets_tenant_id_indicator_id_year_pk" PRIMARY KEY("tenant_id","indicator_id","year"),
	CONSTRAINT "indicator_targets_value_check" CHECK (("indicator_targets"."target_value" is not null and "indicator_targets"."target_low" is null and "indicator_targets"."target_high" is null and "indicator_targets"."target_code" is null) or ("indicator_targets"."target_value" is null and "indicator_targets"."target_low" is not null and "indicator_targets"."target_high" is not null and "indicator_targets"."target_low" <= "indicator_targets"."target_high" and "indicator_targets"."target_code" is null) or ("indicator_targets"."target_value" is null and "indicator_targets"."target_low" is null and "indicator_targets"."target_high" is null and length(trim("indicator_targets"."target_code")) > 0))
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"name" text NOT NULL,
	"satuan" text DEFAULT '' NOT NULL,
	"polarity" text DEFAULT 'positive' NOT NULL,
	"method" text DEFAULT 'ratio' NOT NULL,
	"aggregation" text DEFAULT 'last' NOT NULL,
	"scale_id" uuid,
	"is_iku" boolean DEFAULT false NOT NULL,
	"iku_changed_at" timestamp with time zone,
	"definition" text DEFAULT '' NOT NULL,
	"formula_text" text DEFAULT '' NOT NULL,
	"data_source" text DEFAULT '' NOT NULL,
	"responsible_unit_id" uuid,
	"baseline_year" integer,
	"baseline_value" numeric,
	"baseline_low" numeric,
	"baseline_high" numeric,
	"baseline_code" text,
	"end_target_value" numeric,
	"end_target_low" numeric,
	"end_target_high" numeric,
	"end_target_code" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "indicators_name_check" CHECK (length(trim("indicators"."name")) between 3 and 1000),
	CONSTRAINT "indicators_polarity_check" CHECK ("indicators"."polarity" in ('positive', 'negative')),
	CONSTRAINT "indicators_aggregation_check" CHECK ("indicators"."aggregation" in ('cumulative', 'last', 'average')),
	CONSTRAINT "indicators_method_check" CHECK (("indicators"."method" in ('inverse_difference', 'inverse_ratio') and "indicators"."polarity" = 'negative')
       or ("indicators"."method" in ('ratio', 'range', 'scale') and "indicators"."polarity" = 'positive')),
	CONSTRAINT "indicators_scale_check" CHECK (("indicators"."method" = 'scale') = ("indicators"."scale_id" is not null)),
	CONSTRAINT "indicators_end_target_check" CHECK (("indicators"."end_target_value" is not null and "indicators"."end_target_low" is null and "indicators"."end_target_high" is null and "indicators"."end_target_code" is null) or ("indicators"."end_target_value" is null and "indicators"."end_target_low" is not null and "indicators"."end_target_high" is not null and "indicators"."end_target_low" <= "indicators"."end_target_high" and "indicators"."end_target_code" is null) or ("indicators"."end_target_value" is null and "indicators"."end_target_low" is null and "indicators"."end_target_high" is null and length(trim("indicators"."end_target_code")) > 0) or ("indicators"."end_target_value" is null and "indicators"."end_target_low" is null and "indicators"."end_target_high" is null and "indicators"."end_target_code" is null)),
	CONSTRAINT "indicators_baseline_check" CHECK (("indicators"."baseline_value" is not null and "indicators"."baseline_low" is null and "indicators"."baseline_high" is null and "indicators"."baseline_code" is null) or ("indicators"."baseline_value" is null and "indicators"."baseline_low" is not null and "indicators"."baseline_high" is not null and "indicators"."baseline_low" <= "indicators"."baseline_high" and "indicators"."baseline_code" is null) or ("indicators"."baseline_value" is null and "indicators"."baseline_low" is null and "indicators"."baseline_high" is null and length(trim("indicators"."baseline_code")) > 0) or ("indicators"."baseline_value" is null and "indicators"."baseline_low" is null and "indicators"."baseline_high" is null and "indicators"."baseline_code" is null))
);
--> statement-breakpoint
CREATE TABLE "plan_nodes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"code" text,
	"title" text NOT NULL,
	"supports_node_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_nodes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "plan_nodes_kind_check" CHECK ("plan_nodes"."kind" in ('misi', 'tujuan', 'sasaran', 'program', 'kegiatan', 'sub_kegiatan')),
	CONSTRAINT "plan_nodes_title_check" CHECK (length(trim("plan_nodes"."title")) between 2 and 1000),
	CONSTRAINT "plan_nodes_scope_check" CHECK (("plan_nodes"."kind" = 'misi' and "plan_nodes"."unit_id" is null) or ("plan_nodes"."kind" in ('program', 'kegiatan', 'sub_kegiatan') and "plan_nodes"."unit_id" is not null) or "plan_nodes"."kind" in ('tujuan', 'sasaran')),
	CONSTRAINT "plan_nodes_code_check" CHECK (("plan_nodes"."kind" = 'program' and "plan_nodes"."code" ~ '^[0-9X]\.[0-9X]{2}\.[0-9]{2}$')
       or ("plan_nodes"."kind" = 'kegiatan' and "plan_nodes"."code" ~ '^[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}$')
       or ("plan_nodes"."kind" = 'sub_kegiatan' and "plan_nodes"."code" ~ '^[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}$')
       or ("plan_nodes"."kind" in ('misi', 'tujuan', 'sasaran') and ("plan_nodes"."code" is null or length(trim("plan_nodes"."code")) between 1 and 40))),
	CONSTRAINT "plan_nodes_not_own_parent" CHECK ("plan_nodes"."parent_id" is null or "plan_nodes"."parent_id" <> "plan_nodes"."id")
);
--> statement-breakpoint
CREATE TABLE "plan_periods" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"visi" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_periods_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "plan_periods_status_check" CHECK ("plan_periods"."status" in ('draft', 'active', 'closed')),
	CONSTRAINT "plan_periods_years_check" CHECK ("plan_periods"."end_year" = "plan_periods"."start_year" + 4 and "plan_periods"."start_year" between 2000 and 2100),
	CONSTRAINT "plan_periods_name_check" CHECK (length(trim("plan_periods"."name")) between 3 and 200)
);
--> statement-breakpoint
CREATE TABLE "rating_scale_levels" (
	"tenant_id" uuid NOT NULL,
	"scale_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"score" numeric NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rating_scale_levels_tenant_id_scale_id_code_pk" PRIMARY KEY("tenant_id","scale_id","code"),
	CONSTRAINT "rating_scale_levels_score_check" CHECK ("rating_scale_levels"."score" > 0),
	CONSTRAINT "rating_scale_levels_code_check" CHECK ("rating_scale_levels"."code" = upper(regexp_replace("rating_scale_levels"."code", '\s', '', 'g')) and length("rating_scale_levels"."code") between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "rating_scales" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_scales_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "rating_scales_key_check" CHECK ("rating_scales"."key" ~ '^[a-z][a-z0-9_]{1,39}$')
);
--> statement-breakpoint
ALTER TABLE "agreement_budgets" ADD CONSTRAINT "agreement_budgets_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreements"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_budgets" ADD CONSTRAINT "agreement_budgets_source_fk" FOREIGN KEY ("tenant_id","source_node_id") REFERENCES "public"."plan_nodes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_indicators" ADD CONSTRAINT "agreement_indicators_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreements"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_indicators" ADD CONSTRAINT "agreement_indicators_objective_fk" FOREIGN KEY ("tenant_id","objective_id") REFERENCES "public"."agreement_objectives"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_indicators" ADD CONSTRAINT "agreement_indicators_source_fk" FOREIGN KEY ("tenant_id","source_indicator_id") REFERENCES "public"."indicators"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_indicators" ADD CONSTRAINT "agreement_indicators_scale_fk" FOREIGN KEY ("tenant_id","scale_id") REFERENCES "public"."rating_scales"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_objectives" ADD CONSTRAINT "agreement_objectives_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreements"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_objectives" ADD CONSTRAINT "agreement_objectives_source_fk" FOREIGN KEY ("tenant_id","source_node_id") REFERENCES "public"."plan_nodes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_objectives" ADD CONSTRAINT "agreement_objectives_supports_fk" FOREIGN KEY ("tenant_id","supports_objective_id") REFERENCES "public"."agreement_objectives"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_targets" ADD CONSTRAINT "agreement_targets_indicator_fk" FOREIGN KEY ("tenant_id","indicator_id") REFERENCES "public"."agreement_indicators"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_targets" ADD CONSTRAINT "agreement_targets_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreements"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_transitions" ADD CONSTRAINT "agreement_transitions_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreements"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_transitions" ADD CONSTRAINT "agreement_transitions_actor_fk" FOREIGN KEY ("tenant_id","actor_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_years" ADD CONSTRAINT "agreement_years_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_year_fk" FOREIGN KEY ("tenant_id","year_id") REFERENCES "public"."agreement_years"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_period_fk" FOREIGN KEY ("tenant_id","plan_period_id") REFERENCES "public"."plan_periods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_position_fk" FOREIGN KEY ("tenant_id","position_id") REFERENCES "public"."positions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_first_party_fk" FOREIGN KEY ("tenant_id","first_party_employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_second_position_fk" FOREIGN KEY ("tenant_id","second_party_position_id") REFERENCES "public"."positions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_second_party_fk" FOREIGN KEY ("tenant_id","second_party_employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_parent_fk" FOREIGN KEY ("tenant_id","parent_agreement_id") REFERENCES "public"."agreements"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_root_fk" FOREIGN KEY ("tenant_id","root_id") REFERENCES "public"."agreements"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_previous_fk" FOREIGN KEY ("tenant_id","previous_id") REFERENCES "public"."agreements"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_node_fk" FOREIGN KEY ("tenant_id","node_id") REFERENCES "public"."plan_nodes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_fk" FOREIGN KEY ("tenant_id","indicator_id") REFERENCES "public"."indicators"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_node_fk" FOREIGN KEY ("tenant_id","node_id") REFERENCES "public"."plan_nodes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_scale_fk" FOREIGN KEY ("tenant_id","scale_id") REFERENCES "public"."rating_scales"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_responsible_unit_fk" FOREIGN KEY ("tenant_id","responsible_unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_period_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "public"."plan_periods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_parent_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."plan_nodes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_supports_fk" FOREIGN KEY ("tenant_id","supports_node_id") REFERENCES "public"."plan_nodes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_periods" ADD CONSTRAINT "plan_periods_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_scale_levels" ADD CONSTRAINT "rating_scale_levels_scale_fk" FOREIGN KEY ("tenant_id","scale_id") REFERENCES "public"."rating_scales"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_scales" ADD CONSTRAINT "rating_scales_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_budgets_agreement_idx" ON "agreement_budgets" USING btree ("tenant_id","agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_indicators_agreement_idx" ON "agreement_indicators" USING btree ("tenant_id","agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_indicators_objective_idx" ON "agreement_indicators" USING btree ("tenant_id","objective_id");--> statement-breakpoint
CREATE INDEX "agreement_objectives_agreement_idx" ON "agreement_objectives" USING btree ("tenant_id","agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_objectives_supports_idx" ON "agreement_objectives" USING btree ("tenant_id","supports_objective_id");--> statement-breakpoint
CREATE INDEX "agreement_targets_agreement_idx" ON "agreement_targets" USING btree ("tenant_id","agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_transitions_agreement_idx" ON "agreement_transitions" USING btree ("tenant_id","agreement_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_years_year_key" ON "agreement_years" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_revision_key" ON "agreements" USING btree ("tenant_id","root_id","revision_no");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_position_year_key" ON "agreements" USING btree ("tenant_id","year_id","position_id") WHERE previous_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_one_open_revision" ON "agreements" USING btree ("tenant_id","root_id") WHERE status not in ('signed', 'published', 'superseded');--> statement-breakpoint
CREATE INDEX "agreements_year_idx" ON "agreements" USING btree ("tenant_id","year_id","unit_id");--> statement-breakpoint
CREATE INDEX "agreements_parent_idx" ON "agreements" USING btree ("tenant_id","parent_agreement_id");--> statement-breakpoint
CREATE INDEX "indicators_node_idx" ON "indicators" USING btree ("tenant_id","node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_nodes_code_key" ON "plan_nodes" USING btree ("tenant_id","period_id","unit_id","code") WHERE code is not null and archived_at is null;--> statement-breakpoint
CREATE INDEX "plan_nodes_tree_idx" ON "plan_nodes" USING btree ("tenant_id","period_id","unit_id","parent_id");--> statement-breakpoint
CREATE INDEX "plan_nodes_supports_idx" ON "plan_nodes" USING btree ("tenant_id","supports_node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_periods_start_key" ON "plan_periods" USING btree ("tenant_id","start_year");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_periods_one_active" ON "plan_periods" USING btree ("tenant_id") WHERE status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "rating_scale_levels_norm_key" ON "rating_scale_levels" USING btree ("tenant_id","scale_id",upper(regexp_replace(code, '\s', '', 'g')));--> statement-breakpoint
CREATE UNIQUE INDEX "rating_scales_key" ON "rating_scales" USING btree ("tenant_id","key");