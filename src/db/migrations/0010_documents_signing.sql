CREATE TABLE "ceremonies" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"event_date" date NOT NULL,
	"start_time" time,
	"place" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"board_token_hash" text NOT NULL,
	"created_by" uuid,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ceremonies_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "ceremonies_status_check" CHECK ("ceremonies"."status" in ('scheduled', 'ongoing', 'completed', 'cancelled')),
	CONSTRAINT "ceremonies_title_check" CHECK (length(trim("ceremonies"."title")) between 5 and 300)
);
--> statement-breakpoint
CREATE TABLE "ceremony_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ceremony_id" uuid NOT NULL,
	"agreement_id" uuid,
	"pact_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ceremony_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "ceremony_items_subject_check" CHECK (("ceremony_items"."agreement_id" is null) <> ("ceremony_items"."pact_id" is null))
);
--> statement-breakpoint
CREATE TABLE "document_files" (
	"tenant_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"sha256" text NOT NULL,
	"byte_size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_files_tenant_id_document_id_seq_pk" PRIMARY KEY("tenant_id","document_id","seq"),
	CONSTRAINT "document_files_seq_check" CHECK ("document_files"."seq" between 0 and 2),
	CONSTRAINT "document_files_size_check" CHECK ("document_files"."byte_size" = octet_length("document_files"."content"))
);
--> statement-breakpoint
CREATE TABLE "document_signers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"role" text NOT NULL,
	"employee_id" uuid NOT NULL,
	"name" text NOT NULL,
	"nip" text NOT NULL,
	"pangkat" text,
	"jabatan" text NOT NULL,
	"assignment_kind" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"certificate_id" uuid,
	"provider" text,
	"file_seq" integer,
	CONSTRAINT "document_signers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "document_signers_role_check" CHECK ("document_signers"."role" in ('pihak_pertama', 'pihak_kedua', 'pembuat', 'saksi')),
	CONSTRAINT "document_signers_status_check" CHECK ("document_signers"."status" in ('pending', 'signed')),
	CONSTRAINT "document_signers_seq_check" CHECK ("document_signers"."seq" between 1 and 2),
	CONSTRAINT "document_signers_signed_check" CHECK (("document_signers"."status" = 'signed') = ("document_signers"."signed_at" is not null and "document_signers"."provider" is not null
        and "document_signers"."file_seq" is not null))
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"agreement_id" uuid,
	"pact_id" uuid,
	"title" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"document_date" date NOT NULL,
	"place" text NOT NULL,
	"content" jsonb NOT NULL,
	"signer_count" integer NOT NULL,
	"signed_count" integer DEFAULT 0 NOT NULL,
	"original_sha256" text NOT NULL,
	"current_sha256" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	CONSTRAINT "documents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "documents_kind_check" CHECK ("documents"."kind" in ('pk', 'pi')),
	CONSTRAINT "documents_status_check" CHECK ("documents"."status" in ('pending', 'signed', 'void')),
	CONSTRAINT "documents_subject_check" CHECK (("documents"."kind" = 'pk') = ("documents"."agreement_id" is not null)
        and ("documents"."kind" = 'pi') = ("documents"."pact_id" is not null)),
	CONSTRAINT "documents_count_check" CHECK ("documents"."signer_count" between 1 and 2 and "documents"."signed_count" between 0 and "documents"."signer_count"
        and ("documents"."status" = 'signed') = ("documents"."signed_count" = "documents"."signer_count")
        and ("documents"."status" <> 'void' or "documents"."signed_count" = 0)),
	CONSTRAINT "documents_code_check" CHECK ("documents"."code" ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
	CONSTRAINT "documents_sha_check" CHECK ("documents"."original_sha256" ~ '^[0-9a-f]{64}$' and "documents"."current_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "sign_attempts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"signer_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"state" text DEFAULT 'in_flight' NOT NULL,
	"provider_ref" text,
	"error_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"resolved_by" uuid,
	CONSTRAINT "sign_attempts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "sign_attempts_state_check" CHECK ("sign_attempts"."state" in ('in_flight', 'succeeded', 'failed', 'unknown', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "integrity_clause_versions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer NOT NULL,
	"clauses" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integrity_clause_versions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "integrity_clause_versions_version_check" CHECK ("integrity_clause_versions"."version" >= 1),
	CONSTRAINT "integrity_clause_versions_clauses_check" CHECK (jsonb_typeof("integrity_clause_versions"."clauses") = 'array' and jsonb_array_length("integrity_clause_versions"."clauses") between 1 and 30)
);
--> statement-breakpoint
CREATE TABLE "integrity_pacts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"occasion" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"assignment_id" uuid,
	"position_id" uuid NOT NULL,
	"unit_id" uuid,
	"witness_employee_id" uuid,
	"witness_position_id" uuid,
	"clause_version_id" uuid NOT NULL,
	"clauses" jsonb NOT NULL,
	"pact_date" date NOT NULL,
	"place" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"signed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integrity_pacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "integrity_pacts_occasion_check" CHECK ("integrity_pacts"."occasion" in ('annual', 'appointment')),
	CONSTRAINT "integrity_pacts_status_check" CHECK ("integrity_pacts"."status" in ('pending', 'signed', 'void')),
	CONSTRAINT "integrity_pacts_assignment_check" CHECK (("integrity_pacts"."occasion" = 'appointment') = ("integrity_pacts"."assignment_id" is not null)),
	CONSTRAINT "integrity_pacts_witness_check" CHECK (("integrity_pacts"."witness_employee_id" is null) = ("integrity_pacts"."witness_position_id" is null)
        and "integrity_pacts"."witness_employee_id" is distinct from "integrity_pacts"."employee_id"),
	CONSTRAINT "integrity_pacts_signed_check" CHECK (("integrity_pacts"."status" = 'signed') = ("integrity_pacts"."signed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "signing_certificates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" text DEFAULT 'builtin' NOT NULL,
	"ca_id" uuid,
	"serial" text,
	"subject_name" text NOT NULL,
	"nip" text NOT NULL,
	"jabatan" text NOT NULL,
	"nik" text,
	"certificate_pem" text,
	"encrypted_key" text,
	"kdf" jsonb,
	"not_before" timestamp with time zone,
	"not_after" timestamp with time zone,
	"status" text DEFAULT 'active' NOT NULL,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	"revoked_by" uuid,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signing_certificates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "signing_certificates_status_check" CHECK ("signing_certificates"."status" in ('active', 'revoked', 'replaced')),
	CONSTRAINT "signing_certificates_provider_check" CHECK ("signing_certificates"."provider" in ('builtin', 'bsre')),
	CONSTRAINT "signing_certificates_reason_check" CHECK ("signing_certificates"."revocation_reason" is null or "signing_certificates"."revocation_reason" in ('key_compromise', 'passphrase_forgotten', 'affiliation_changed', 'superseded', 'cessation_of_operation')),
	CONSTRAINT "signing_certificates_revoked_check" CHECK (("signing_certificates"."status" = 'active') = ("signing_certificates"."revoked_at" is null)),
	CONSTRAINT "signing_certificates_builtin_check" CHECK ("signing_certificates"."provider" <> 'builtin' or ("signing_certificates"."ca_id" is not null and "signing_certificates"."serial" is not null
        and "signing_certificates"."certificate_pem" is not null and "signing_certificates"."encrypted_key" is not null and "signing_certificates"."kdf" is not null
        and "signing_certificates"."not_before" is not null and "signing_certificates"."not_after" is not null)),
	CONSTRAINT "signing_certificates_nik_check" CHECK ("signing_certificates"."nik" is null or "signing_certificates"."nik" ~ '^[0-9]{16}$'),
	CONSTRAINT "signing_certificates_bsre_check" CHECK ("signing_certificates"."provider" <> 'bsre' or "signing_certificates"."nik" is not null)
);
--> statement-breakpoint
CREATE TABLE "tenant_cas" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"subject" text NOT NULL,
	"certificate_pem" text NOT NULL,
	"sealed_key" text NOT NULL,
	"key_fingerprint" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"crl_number" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_cas_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "tenant_cas_status_check" CHECK ("tenant_cas"."status" in ('active', 'retired'))
);
--> statement-breakpoint
ALTER TABLE "ceremonies" ADD CONSTRAINT "ceremonies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ceremony_items" ADD CONSTRAINT "ceremony_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ceremony_items" ADD CONSTRAINT "ceremony_items_ceremony_fk" FOREIGN KEY ("tenant_id","ceremony_id") REFERENCES "public"."ceremonies"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ceremony_items" ADD CONSTRAINT "ceremony_items_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreements"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ceremony_items" ADD CONSTRAINT "ceremony_items_pact_fk" FOREIGN KEY ("tenant_id","pact_id") REFERENCES "public"."integrity_pacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_document_fk" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."documents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signers" ADD CONSTRAINT "document_signers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signers" ADD CONSTRAINT "document_signers_document_fk" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."documents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signers" ADD CONSTRAINT "document_signers_employee_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreements"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_pact_fk" FOREIGN KEY ("tenant_id","pact_id") REFERENCES "public"."integrity_pacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_attempts" ADD CONSTRAINT "sign_attempts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_attempts" ADD CONSTRAINT "sign_attempts_signer_fk" FOREIGN KEY ("tenant_id","signer_id") REFERENCES "public"."document_signers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_clause_versions" ADD CONSTRAINT "integrity_clause_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_pacts" ADD CONSTRAINT "integrity_pacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_pacts" ADD CONSTRAINT "integrity_pacts_employee_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_pacts" ADD CONSTRAINT "integrity_pacts_position_fk" FOREIGN KEY ("tenant_id","position_id") REFERENCES "public"."positions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_pacts" ADD CONSTRAINT "integrity_pacts_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_pacts" ADD CONSTRAINT "integrity_pacts_assignment_fk" FOREIGN KEY ("tenant_id","assignment_id") REFERENCES "public"."assignments"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_pacts" ADD CONSTRAINT "integrity_pacts_witness_fk" FOREIGN KEY ("tenant_id","witness_employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_pacts" ADD CONSTRAINT "integrity_pacts_clause_version_fk" FOREIGN KEY ("tenant_id","clause_version_id") REFERENCES "public"."integrity_clause_versions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD CONSTRAINT "signing_certificates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD CONSTRAINT "signing_certificates_employee_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employees"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD CONSTRAINT "signing_certificates_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD CONSTRAINT "signing_certificates_ca_fk" FOREIGN KEY ("tenant_id","ca_id") REFERENCES "public"."tenant_cas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_cas" ADD CONSTRAINT "tenant_cas_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ceremonies_board_token_key" ON "ceremonies" USING btree ("board_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "ceremony_items_agreement_key" ON "ceremony_items" USING btree ("tenant_id","ceremony_id","agreement_id") WHERE agreement_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "ceremony_items_pact_key" ON "ceremony_items" USING btree ("tenant_id","ceremony_id","pact_id") WHERE pact_id is not null;--> statement-breakpoint
CREATE INDEX "ceremony_items_ceremony_idx" ON "ceremony_items" USING btree ("tenant_id","ceremony_id");--> statement-breakpoint
CREATE INDEX "document_files_sha_idx" ON "document_files" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "document_signers_seq_key" ON "document_signers" USING btree ("tenant_id","document_id","seq");--> statement-breakpoint
CREATE INDEX "document_signers_employee_idx" ON "document_signers" USING btree ("tenant_id","employee_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_code_key" ON "documents" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_agreement_key" ON "documents" USING btree ("tenant_id","agreement_id") WHERE agreement_id is not null and status <> 'void';--> statement-breakpoint
CREATE UNIQUE INDEX "documents_pact_key" ON "documents" USING btree ("tenant_id","pact_id") WHERE pact_id is not null and status <> 'void';--> statement-breakpoint
CREATE UNIQUE INDEX "sign_attempts_open_key" ON "sign_attempts" USING btree ("tenant_id","signer_id") WHERE state in ('in_flight', 'unknown');--> statement-breakpoint
CREATE UNIQUE INDEX "integrity_clause_versions_version_key" ON "integrity_clause_versions" USING btree ("tenant_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "integrity_pacts_annual_key" ON "integrity_pacts" USING btree ("tenant_id","employee_id","fiscal_year") WHERE occasion = 'annual' and status <> 'void';--> statement-breakpoint
CREATE UNIQUE INDEX "integrity_pacts_appointment_key" ON "integrity_pacts" USING btree ("tenant_id","assignment_id") WHERE occasion = 'appointment' and status <> 'void';--> statement-breakpoint
CREATE INDEX "integrity_pacts_unit_idx" ON "integrity_pacts" USING btree ("tenant_id","fiscal_year","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_certificates_id_key" ON "signing_certificates" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_certificates_serial_key" ON "signing_certificates" USING btree ("serial");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_certificates_active_key" ON "signing_certificates" USING btree ("tenant_id","employee_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "signing_certificates_ca_idx" ON "signing_certificates" USING btree ("ca_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_cas_id_key" ON "tenant_cas" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_cas_active_key" ON "tenant_cas" USING btree ("tenant_id") WHERE status = 'active';