/**
 * The data model of the user's specification (its data dictionary, modelo-de-datos), written out column by column as the
 * catalog renders it (defaults in PostgreSQL's canonical form), plus CANCELLED in the robot
 * status enum (DESIGN.md) and the columns later migrations add after the seeds' ones
 * (`max_concurrent_robots`, the lifecycle's lease and routing columns). The seeds' NOT NULL
 * on robots.module_name is dropped on purpose: a robot no module handles yet waits unassigned.
 * `schema-assertions.ts` reads the real catalog and compares.
 */
export const EXPECTED_ENUMS: Record<string, string[]> = {
  module_health_enum: ['HEALTHY', 'DEGRADED', 'UNHEALTHY', 'UNKNOWN'],
  performance_tier_enum: ['HIGH', 'MEDIUM', 'LOW', 'CRITICAL'],
  robot_status_enum: ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'RETRYING', 'CANCELLED'],
  priority_enum: ['LOW', 'NORMAL', 'HIGH', 'CRITICAL'],
  processing_tier_enum: ['FAST', 'STANDARD', 'COMPLEX', 'BULK'],
  execution_state_enum: ['PENDING', 'RUNNING', 'PAUSED', 'COMPLETED', 'FAILED', 'RETRYING', 'CANCELLED'],
  step_category_enum: ['INIT', 'VALIDATION', 'PROCESSING', 'EXTERNAL_API', 'FINALIZATION'],
  notification_channel_enum: ['webhook', 'email', 'sms', 'in_app'],
  subscription_status_enum: ['ACTIVE', 'DISABLED'],
  delivery_state_enum: ['PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD'],
  invoice_template_source_enum: ['USER', 'LEARNED'],
  ocr_document_status_enum: ['PENDING', 'PROCESSING', 'COMPLETED', 'NEEDS_REVIEW', 'FAILED'],
  review_status_enum: ['PENDING', 'RESOLVED', 'DISMISSED'],
  mailbox_after_enum: ['flag', 'move', 'none'],
  mailbox_status_enum: ['ACTIVE', 'PAUSED'],
  email_source_enum: ['imap', 'upload', 'mbox'],
  email_status_enum: ['ROBOT_CREATED', 'NEEDS_REVIEW', 'NO_ROBOT', 'REJECTED'],
  email_rule_mode_enum: ['override', 'fallback'],
  classifier_example_source_enum: ['api', 'feedback', 'review'],
  classifier_model_status_enum: ['TRAINING', 'READY', 'ACTIVE', 'RETIRED', 'FAILED'],
  backup_status_enum: ['RUNNING', 'SUCCEEDED', 'FAILED'],
};

const lines = (text: string): string[] =>
  text
    .trim()
    .split('\n')
    .map((line) => line.trim());

export const EXPECTED_COLUMNS: Record<string, string[]> = {
  module_registry: lines(`
    module_id varchar(100) NOT NULL
    module_name varchar(100) NOT NULL
    module_version varchar(50) NOT NULL
    supported_robot_types text[] NOT NULL
    is_active boolean NOT NULL DEFAULT true
    health_endpoint varchar(200)
    registration_data jsonb
    performance_score numeric(3,2) DEFAULT 1.0
    performance_tier performance_tier_enum DEFAULT 'MEDIUM'::performance_tier_enum
    last_performance_check timestamp
    error_count_24h integer DEFAULT 0
    success_rate_24h numeric(5,2) DEFAULT 100.0
    avg_processing_time_ms integer DEFAULT 0
    capacity_utilization numeric(3,2) DEFAULT 0.0
    health_status module_health_enum DEFAULT 'UNKNOWN'::module_health_enum
    last_health_check timestamp
    consecutive_failures integer DEFAULT 0
    last_error_message text
    uptime_percentage_24h numeric(5,2) DEFAULT 100.0
    total_robots_processed integer DEFAULT 0
    total_processing_time_hours numeric(8,2) DEFAULT 0.0
    security_level varchar(20) DEFAULT 'BASIC'::character varying
    compliance_flags jsonb DEFAULT '{}'::jsonb
    enterprise_features jsonb DEFAULT '{}'::jsonb
    registered_at timestamp NOT NULL DEFAULT now()
    updated_at timestamp NOT NULL DEFAULT now()
    max_concurrent_robots integer NOT NULL DEFAULT 10
    breaker_state varchar(10) NOT NULL DEFAULT 'CLOSED'::character varying
    breaker_until timestamp
    breaker_counted_from timestamp
  `),
  robots: lines(`
    robot_id varchar(50) NOT NULL
    robot_type varchar(50) NOT NULL
    status robot_status_enum NOT NULL DEFAULT 'PENDING'::robot_status_enum
    module_name varchar(100)
    input_data jsonb NOT NULL
    output_data jsonb
    priority priority_enum NOT NULL DEFAULT 'NORMAL'::priority_enum
    performance_metrics jsonb DEFAULT '{}'::jsonb
    processing_time_ms integer
    processing_tier processing_tier_enum DEFAULT 'STANDARD'::processing_tier_enum
    cache_hit boolean DEFAULT false
    cache_key varchar(255)
    resource_usage_mb integer
    retry_count integer DEFAULT 0
    retry_limit integer DEFAULT 3
    error_details jsonb
    error_category varchar(50)
    last_error_at timestamp
    completeness_score numeric(3,2) DEFAULT 0.0
    confidence_score numeric(3,2) DEFAULT 0.0
    source_reference varchar(200)
    correlation_id varchar(100)
    estimated_duration_minutes integer
    actual_duration_minutes integer
    complexity_score numeric(2,1) DEFAULT 1.0
    security_classification varchar(20) DEFAULT 'STANDARD'::character varying
    compliance_tags text[]
    enterprise_metadata jsonb DEFAULT '{}'::jsonb
    created_at timestamp NOT NULL DEFAULT now()
    updated_at timestamp NOT NULL DEFAULT now()
    started_at timestamp
    completed_at timestamp
    routing_decision jsonb
    next_attempt_at timestamp NOT NULL DEFAULT now()
    timeout_seconds integer NOT NULL DEFAULT 1800
    deadline_at timestamp
    cancel_reason varchar(500)
    sla_at_risk_at timestamp
  `),
  robot_execute: lines(`
    execute_id varchar(50) NOT NULL
    robot_id varchar(50) NOT NULL
    module_name varchar(100) NOT NULL
    execution_state execution_state_enum NOT NULL DEFAULT 'PENDING'::execution_state_enum
    current_step varchar(100)
    progress_percentage smallint DEFAULT 0
    step_category step_category_enum DEFAULT 'INIT'::step_category_enum
    total_steps integer DEFAULT 1
    completed_steps integer DEFAULT 0
    step_details jsonb DEFAULT '{}'::jsonb
    step_start_time timestamp
    step_duration_ms integer
    cpu_usage_percent numeric(5,2)
    memory_usage_mb integer
    disk_io_mb integer
    network_io_mb integer
    resource_peak_usage jsonb DEFAULT '{}'::jsonb
    throughput_items_per_sec numeric(8,2)
    processing_rate numeric(8,2)
    efficiency_score numeric(3,2) DEFAULT 1.0
    started_at timestamp NOT NULL DEFAULT now()
    completed_at timestamp
    estimated_completion_at timestamp
    duration_ms integer
    retry_count integer DEFAULT 0
    max_retries integer DEFAULT 3
    last_retry_at timestamp
    timeout_seconds integer DEFAULT 1800
    error_message text
    error_stack_trace text
    execution_metadata jsonb DEFAULT '{}'::jsonb
    contains_sensitive_data boolean DEFAULT false
    compliance_context jsonb DEFAULT '{}'::jsonb
    external_api_calls integer DEFAULT 0
    external_api_duration_ms integer DEFAULT 0
    external_api_failures integer DEFAULT 0
    lease_token uuid
    lease_expires_at timestamp
  `),
  // The outbox (RobotLifecycle migration; renamed and versioned by EventConsumers).
  events: lines(`
    event_id bigint NOT NULL DEFAULT nextval('events_event_id_seq'::regclass)
    event_type varchar(50) NOT NULL
    robot_id varchar(50)
    module_name varchar(100)
    payload jsonb NOT NULL DEFAULT '{}'::jsonb
    created_at timestamp NOT NULL DEFAULT now()
    tx_id xid8 NOT NULL DEFAULT pg_current_xact_id()
    event_version smallint NOT NULL DEFAULT 1
  `),
  // Named consumers' cursors (OutboxRelay migration, extended by EventConsumers) and parked events.
  event_consumers: lines(`
    consumer varchar(100) NOT NULL
    last_tx_id xid8 NOT NULL DEFAULT '0'::xid8
    last_event_id bigint NOT NULL DEFAULT 0
    owner varchar(100)
    lease_until timestamp
    updated_at timestamp NOT NULL DEFAULT now()
    failed_attempts integer NOT NULL DEFAULT 0
    retry_at timestamp
    last_error text
    created_at timestamp NOT NULL DEFAULT now()
  `),
  parked_events: lines(`
    consumer varchar(100) NOT NULL
    event_id bigint NOT NULL
    attempts integer NOT NULL
    last_error text NOT NULL
    parked_at timestamp NOT NULL DEFAULT now()
    replay_requested_at timestamp
  `),
  // The seeds' enterprise tables (arquitectura-alto-nivel.md), then what the Security migration adds.
  api_keys: lines(`
    key_id varchar(50) NOT NULL
    module_name varchar(100)
    api_key_hash varchar(256)
    permissions jsonb
    created_at timestamp DEFAULT now()
    name varchar(100) NOT NULL
    key_prefix varchar(16) NOT NULL
    expires_at timestamp
    last_used_at timestamp
    revoked_at timestamp
    rate_limit_per_minute integer
    rotated_from varchar(50)
  `),
  security_audit: lines(`
    audit_id varchar(50) NOT NULL
    module_name varchar(100)
    operation varchar(100)
    resource_id varchar(50)
    success boolean
    created_at timestamp DEFAULT now()
    key_id varchar(50)
    key_prefix varchar(16)
    ip varchar(64)
    status_code smallint
    details jsonb
  `),
  // The MonitoringAlerts migration.
  monitoring_alerts: lines(`
    alert_id bigint NOT NULL DEFAULT nextval('monitoring_alerts_alert_id_seq'::regclass)
    rule text NOT NULL
    subject text NOT NULL
    severity varchar(10) NOT NULL
    message text NOT NULL
    value numeric(16,4) NOT NULL
    threshold numeric(16,4) NOT NULL
    state varchar(10) NOT NULL DEFAULT 'FIRING'::character varying
    fired_at timestamp NOT NULL DEFAULT now()
    resolved_at timestamp
    last_evaluated_at timestamp NOT NULL DEFAULT now()
    details jsonb NOT NULL DEFAULT '{}'::jsonb
  `),
  module_breaker_counts: lines(`
    module_name varchar(100) NOT NULL
    bucket_start timestamp NOT NULL
    instance_id varchar(100) NOT NULL
    succeeded integer NOT NULL DEFAULT 0
    failed integer NOT NULL DEFAULT 0
  `),
  // The Notification layer (Notifications migration).
  inbox_notifications: lines(`
    notification_id bigint NOT NULL DEFAULT nextval('inbox_notifications_notification_id_seq'::regclass)
    audience varchar(200) NOT NULL
    delivery_id uuid
    event_id bigint
    event_type varchar(100) NOT NULL
    title text NOT NULL
    body text NOT NULL
    data jsonb NOT NULL DEFAULT '{}'::jsonb
    read_at timestamp
    created_at timestamp NOT NULL DEFAULT now()
  `),
  notification_deliveries: lines(`
    delivery_id uuid NOT NULL DEFAULT gen_random_uuid()
    event_id bigint NOT NULL
    event_type varchar(100) NOT NULL
    subscription_id uuid NOT NULL
    channel notification_channel_enum NOT NULL
    endpoint varchar(300) NOT NULL
    state delivery_state_enum NOT NULL DEFAULT 'PENDING'::delivery_state_enum
    attempts integer NOT NULL DEFAULT 0
    next_attempt_at timestamp NOT NULL DEFAULT now()
    lease_expires_at timestamp
    lease_owner varchar(100)
    last_error text
    response_status integer
    latency_ms integer
    payload jsonb NOT NULL
    created_at timestamp NOT NULL DEFAULT now()
    updated_at timestamp NOT NULL DEFAULT now()
    sent_at timestamp
  `),
  notification_subscriptions: lines(`
    subscription_id uuid NOT NULL DEFAULT gen_random_uuid()
    name varchar(200)
    channel notification_channel_enum NOT NULL
    target varchar(2048) NOT NULL
    event_types text[] NOT NULL
    filter jsonb NOT NULL DEFAULT '{}'::jsonb
    locale varchar(5) NOT NULL DEFAULT 'en'::character varying
    digest_seconds integer
    retry_schedule int4[]
    timeout_ms integer
    secret_ciphertext text
    previous_secret_ciphertext text
    previous_secret_expires_at timestamp
    status subscription_status_enum NOT NULL DEFAULT 'ACTIVE'::subscription_status_enum
    disabled_reason text
    disabled_at timestamp
    failing_since timestamp
    robot_id varchar(50)
    created_by varchar(100)
    created_at timestamp NOT NULL DEFAULT now()
    updated_at timestamp NOT NULL DEFAULT now()
  `),
  notification_templates: lines(`
    event_type varchar(100) NOT NULL
    channel notification_channel_enum NOT NULL
    locale varchar(5) NOT NULL
    subject text NOT NULL
    body_text text NOT NULL
    body_html text
    updated_by varchar(100)
    updated_at timestamp NOT NULL DEFAULT now()
  `),
  // The OCR layer and the human review queue (Ocr migration).
  invoice_templates: lines(`
    template_id uuid NOT NULL DEFAULT gen_random_uuid()
    vendor_name varchar(200) NOT NULL
    keywords text[] NOT NULL
    fields jsonb NOT NULL DEFAULT '{}'::jsonb
    options jsonb NOT NULL DEFAULT '{}'::jsonb
    source invoice_template_source_enum NOT NULL DEFAULT 'USER'::invoice_template_source_enum
    corrections_applied integer NOT NULL DEFAULT 0
    created_by varchar(100)
    created_at timestamp NOT NULL DEFAULT now()
    updated_at timestamp NOT NULL DEFAULT now()
  `),
  ocr_documents: lines(`
    document_id uuid NOT NULL DEFAULT gen_random_uuid()
    sha256 character NOT NULL
    options_key character NOT NULL
    filename varchar(255)
    media_type varchar(100) NOT NULL
    size_bytes integer NOT NULL
    page_count integer
    status ocr_document_status_enum NOT NULL DEFAULT 'PENDING'::ocr_document_status_enum
    options jsonb NOT NULL DEFAULT '{}'::jsonb
    robot_id varchar(50)
    text text
    confidence numeric(5,2)
    quality jsonb
    pages jsonb
    fields jsonb
    from_cache boolean NOT NULL DEFAULT false
    cached_from uuid
    error text
    cpu_ms integer
    peak_memory_mb integer
    duration_ms integer
    created_by varchar(100)
    created_at timestamp NOT NULL DEFAULT now()
    completed_at timestamp
  `),
  review_items: lines(`
    review_id uuid NOT NULL DEFAULT gen_random_uuid()
    kind varchar(50) NOT NULL
    document_id uuid
    robot_id varchar(50)
    subject jsonb NOT NULL
    status review_status_enum NOT NULL DEFAULT 'PENDING'::review_status_enum
    corrections jsonb
    reviewed_by varchar(100)
    created_at timestamp NOT NULL DEFAULT now()
    resolved_at timestamp
    email_id uuid
  `),
  email_mailboxes: lines(`
    mailbox_id uuid NOT NULL DEFAULT gen_random_uuid()
    name varchar(100) NOT NULL
    host varchar(255) NOT NULL
    port integer NOT NULL
    secure boolean NOT NULL DEFAULT true
    username varchar(255) NOT NULL
    auth_method varchar(10) NOT NULL DEFAULT 'password'::character varying
    secret_sealed text NOT NULL
    folder varchar(255) NOT NULL DEFAULT 'INBOX'::character varying
    after_processing mailbox_after_enum NOT NULL DEFAULT 'flag'::mailbox_after_enum
    move_to varchar(255)
    status mailbox_status_enum NOT NULL DEFAULT 'ACTIVE'::mailbox_status_enum
    health varchar(10) NOT NULL DEFAULT 'UNKNOWN'::character varying
    last_error text
    last_connected_at timestamp
    last_checked_at timestamp
    failing_since timestamp
    uid_validity bigint
    last_uid bigint NOT NULL DEFAULT 0
    leased_by varchar(100)
    lease_until timestamp
    created_by varchar(100)
    created_at timestamp NOT NULL DEFAULT now()
    updated_at timestamp NOT NULL DEFAULT now()
  `),
  emails: lines(`
    email_id uuid NOT NULL DEFAULT gen_random_uuid()
    message_id varchar(998)
    content_sha256 character NOT NULL
    raw_sha256 character
    source email_source_enum NOT NULL
    mailbox_id uuid
    uid bigint
    status email_status_enum NOT NULL
    reject_reason text
    from_address varchar(320)
    from_name varchar(255)
    recipients jsonb NOT NULL DEFAULT '[]'::jsonb
    subject text
    sent_at timestamp
    thread_id varchar(998)
    in_reply_to varchar(998)
    size_bytes integer NOT NULL
    text_body text
    parse_warnings jsonb NOT NULL DEFAULT '[]'::jsonb
    classification jsonb
    label varchar(50)
    extracted jsonb NOT NULL DEFAULT '{}'::jsonb
    contains_sensitive_data boolean NOT NULL DEFAULT false
    pii_tags text[] NOT NULL DEFAULT '{}'::text[]
    robot_id varchar(50)
    created_by varchar(100)
    received_at timestamp NOT NULL DEFAULT now()
  `),
  email_attachments: lines(`
    email_id uuid NOT NULL
    position integer NOT NULL
    sha256 character NOT NULL
    filename varchar(255)
    media_type varchar(100) NOT NULL
    size_bytes integer NOT NULL
    ocr_document_id uuid
  `),
  email_audit: lines(`
    audit_id bigint NOT NULL DEFAULT nextval('email_audit_audit_id_seq'::regclass)
    email_id uuid
    mailbox_id uuid
    step varchar(50) NOT NULL
    outcome varchar(20) NOT NULL
    detail jsonb NOT NULL DEFAULT '{}'::jsonb
    actor varchar(100)
    at timestamp NOT NULL DEFAULT now()
  `),
  email_classes: lines(`
    class_name varchar(50) NOT NULL
    robot_type varchar(100)
    min_confidence numeric(4,3) NOT NULL DEFAULT 0.6
    priority varchar(10) NOT NULL DEFAULT 'NORMAL'::character varying
    description text
    created_at timestamp NOT NULL DEFAULT now()
    updated_at timestamp NOT NULL DEFAULT now()
  `),
  email_rules: lines(`
    rule_id uuid NOT NULL DEFAULT gen_random_uuid()
    name varchar(100) NOT NULL
    position integer NOT NULL DEFAULT 100
    conditions jsonb NOT NULL
    class_name varchar(50) NOT NULL
    mode email_rule_mode_enum NOT NULL DEFAULT 'override'::email_rule_mode_enum
    enabled boolean NOT NULL DEFAULT true
    created_by varchar(100)
    created_at timestamp NOT NULL DEFAULT now()
    updated_at timestamp NOT NULL DEFAULT now()
  `),
  classifier_examples: lines(`
    example_id uuid NOT NULL DEFAULT gen_random_uuid()
    label varchar(50) NOT NULL
    content_sha256 character NOT NULL
    features text NOT NULL
    source classifier_example_source_enum NOT NULL DEFAULT 'api'::classifier_example_source_enum
    email_id uuid
    created_by varchar(100)
    created_at timestamp NOT NULL DEFAULT now()
  `),
  classifier_models: lines(`
    version integer NOT NULL DEFAULT nextval('classifier_models_version_seq'::regclass)
    status classifier_model_status_enum NOT NULL DEFAULT 'TRAINING'::classifier_model_status_enum
    classes text[] NOT NULL DEFAULT '{}'::text[]
    example_count integer NOT NULL DEFAULT 0
    model jsonb
    metrics jsonb
    error text
    created_by varchar(100)
    created_at timestamp NOT NULL DEFAULT now()
    trained_at timestamp
    activated_at timestamp
  `),
  // Backups (BackupLog migration).
  backup_log: lines(`
    backup_id uuid NOT NULL
    kind varchar(20) NOT NULL
    trigger varchar(20) NOT NULL
    status backup_status_enum NOT NULL DEFAULT 'RUNNING'::backup_status_enum
    file_name varchar(255)
    size_bytes bigint
    checksum_sha256 character
    duration_ms integer
    verified boolean NOT NULL DEFAULT false
    verification jsonb
    error text
    instance_id varchar(100) NOT NULL
    requested_by varchar(100)
    started_at timestamp NOT NULL DEFAULT now()
    heartbeat_at timestamp NOT NULL DEFAULT now()
    snapshot_at timestamp
    finished_at timestamp
    file_deleted_at timestamp
  `),
};

/** name -> "table UNIQUE? (columns) WHERE predicate", predicates as the catalog renders them. */
export const EXPECTED_INDEXES: Record<string, string> = {
  idx_module_active_performance:
    'module_registry (is_active, performance_tier, performance_score) WHERE (is_active = true)',
  idx_module_health_monitoring: 'module_registry (health_status, last_health_check) WHERE (is_active = true)',
  idx_module_routing_optimization:
    "module_registry (supported_robot_types, capacity_utilization, performance_score) WHERE ((is_active = true) AND (health_status = 'HEALTHY'::module_health_enum))",
  idx_module_error_tracking: 'module_registry (error_count_24h, success_rate_24h, consecutive_failures)',
  idx_robots_active_processing:
    "robots (status, module_name, priority, created_at) WHERE (status = ANY (ARRAY['PENDING'::robot_status_enum, 'PROCESSING'::robot_status_enum, 'RETRYING'::robot_status_enum]))",
  idx_robots_performance_analysis:
    "robots (status, processing_tier, processing_time_ms, cache_hit) WHERE (status = 'COMPLETED'::robot_status_enum)",
  idx_robots_error_tracking:
    "robots (status, error_category, retry_count, last_error_at) WHERE (status = ANY (ARRAY['FAILED'::robot_status_enum, 'RETRYING'::robot_status_enum]))",
  idx_robots_type_priority: 'robots (robot_type, priority, status, created_at)',
  idx_robots_correlation: 'robots (correlation_id, source_reference) WHERE (correlation_id IS NOT NULL)',
  idx_robots_cache_key: 'robots UNIQUE (cache_key) WHERE (cache_key IS NOT NULL)',
  idx_execute_active_monitoring:
    "robot_execute (execution_state, current_step, progress_percentage, started_at) WHERE (execution_state = ANY (ARRAY['RUNNING'::execution_state_enum, 'RETRYING'::execution_state_enum, 'PAUSED'::execution_state_enum]))",
  idx_execute_performance_analysis:
    'robot_execute (module_name, execution_state, duration_ms, efficiency_score, completed_at) WHERE (completed_at IS NOT NULL)',
  idx_execute_resource_tracking:
    "robot_execute (cpu_usage_percent, memory_usage_mb, started_at) WHERE (execution_state = 'RUNNING'::execution_state_enum)",
  idx_execute_step_analysis: 'robot_execute (step_category, step_duration_ms, completed_at)',
  idx_execute_robot_progress: 'robot_execute (robot_id, progress_percentage, execution_state)',
  idx_execute_timeout_monitoring:
    "robot_execute (started_at, timeout_seconds, execution_state) WHERE (execution_state = ANY (ARRAY['RUNNING'::execution_state_enum, 'PAUSED'::execution_state_enum]))",
  // Added by the RobotLifecycle migration.
  idx_robots_claimable:
    "robots (module_name, priority DESC, created_at) WHERE (status = ANY (ARRAY['PENDING'::robot_status_enum, 'RETRYING'::robot_status_enum]))",
  idx_robots_unassigned:
    "robots (robot_type, created_at) WHERE ((module_name IS NULL) AND (status = 'PENDING'::robot_status_enum))",
  idx_execute_lease_expiry:
    "robot_execute (lease_expires_at) WHERE (execution_state = 'RUNNING'::execution_state_enum)",
  // Primary keys and the UNIQUE constraint on module_name.
  module_registry_pkey: 'module_registry UNIQUE (module_id)',
  module_registry_module_name_key: 'module_registry UNIQUE (module_name)',
  robots_pkey: 'robots UNIQUE (robot_id)',
  robot_execute_pkey: 'robot_execute UNIQUE (execute_id)',
  events_pkey: 'events UNIQUE (event_id)',
  idx_events_robot: 'events (robot_id, event_id)',
  idx_events_relay: 'events (tx_id, event_id)',
  // Added by the Security migration.
  api_keys_pkey: 'api_keys UNIQUE (key_id)',
  api_keys_api_key_hash_key: 'api_keys UNIQUE (api_key_hash)',
  api_keys_key_prefix_key: 'api_keys UNIQUE (key_prefix)',
  idx_api_keys_module: 'api_keys (module_name) WHERE (module_name IS NOT NULL)',
  security_audit_pkey: 'security_audit UNIQUE (audit_id)',
  idx_security_audit_created: 'security_audit (created_at)',
  idx_security_audit_key: 'security_audit (key_prefix, created_at)',
  idx_security_audit_operation: 'security_audit (operation, created_at)',
  // Added by the MonitoringAlerts migration.
  monitoring_alerts_pkey: 'monitoring_alerts UNIQUE (alert_id)',
  idx_monitoring_alerts_firing: "monitoring_alerts UNIQUE (rule, subject) WHERE ((state)::text = 'FIRING'::text)",
  idx_monitoring_alerts_fired: 'monitoring_alerts (fired_at, alert_id)',
  idx_monitoring_alerts_last_fired: 'monitoring_alerts (rule, subject, fired_at)',
  // Added by the ModuleBreakerCounts migration.
  module_breaker_counts_pkey: 'module_breaker_counts UNIQUE (module_name, bucket_start, instance_id)',
  // Added by the EventConsumers migration.
  event_consumers_pkey: 'event_consumers UNIQUE (consumer)',
  parked_events_pkey: 'parked_events UNIQUE (consumer, event_id)',
  idx_parked_events_replay: 'parked_events (consumer) WHERE (replay_requested_at IS NOT NULL)',
  notification_subscriptions_pkey: 'notification_subscriptions UNIQUE (subscription_id)',
  idx_subscriptions_active: "notification_subscriptions (channel) WHERE (status = 'ACTIVE'::subscription_status_enum)",
  idx_subscriptions_robot: 'notification_subscriptions (robot_id) WHERE (robot_id IS NOT NULL)',
  notification_deliveries_pkey: 'notification_deliveries UNIQUE (delivery_id)',
  uq_delivery_event_subscription: 'notification_deliveries UNIQUE (event_id, subscription_id)',
  idx_deliveries_due:
    "notification_deliveries (next_attempt_at) WHERE (state = ANY (ARRAY['PENDING'::delivery_state_enum, 'FAILED'::delivery_state_enum, 'SENDING'::delivery_state_enum]))",
  idx_deliveries_subscription: 'notification_deliveries (subscription_id, created_at)',
  idx_deliveries_listing: 'notification_deliveries (created_at, delivery_id)',
  idx_deliveries_dead: "notification_deliveries (updated_at) WHERE (state = 'DEAD'::delivery_state_enum)",
  // Added by the DeliveryClaims migration.
  idx_deliveries_leases: "notification_deliveries (lease_expires_at) WHERE (state = 'SENDING'::delivery_state_enum)",
  notification_templates_pkey: 'notification_templates UNIQUE (event_type, channel, locale)',
  inbox_notifications_pkey: 'inbox_notifications UNIQUE (notification_id)',
  inbox_notifications_delivery_id_key: 'inbox_notifications UNIQUE (delivery_id)',
  idx_inbox_audience: 'inbox_notifications (audience, notification_id)',
  idx_inbox_unread: 'inbox_notifications (audience) WHERE (read_at IS NULL)',
  ocr_documents_pkey: 'ocr_documents UNIQUE (document_id)',
  idx_ocr_documents_dedupe:
    "ocr_documents (sha256, options_key) WHERE (status = ANY (ARRAY['COMPLETED'::ocr_document_status_enum, 'NEEDS_REVIEW'::ocr_document_status_enum]))",
  idx_ocr_documents_created: 'ocr_documents (created_at, document_id)',
  idx_ocr_documents_robot: 'ocr_documents (robot_id) WHERE (robot_id IS NOT NULL)',
  invoice_templates_pkey: 'invoice_templates UNIQUE (template_id)',
  uq_invoice_templates_vendor: 'invoice_templates UNIQUE (lower((vendor_name)::text), source)',
  review_items_pkey: 'review_items UNIQUE (review_id)',
  idx_review_items_pending: "review_items (kind, created_at) WHERE (status = 'PENDING'::review_status_enum)",
  idx_review_items_document: 'review_items (document_id)',
  email_mailboxes_pkey: 'email_mailboxes UNIQUE (mailbox_id)',
  uq_email_mailboxes_name: 'email_mailboxes UNIQUE (lower((name)::text))',
  emails_pkey: 'emails UNIQUE (email_id)',
  uq_emails_message_id: 'emails UNIQUE (message_id) WHERE (message_id IS NOT NULL)',
  uq_emails_content: 'emails UNIQUE (content_sha256)',
  idx_emails_received: 'emails (received_at, email_id)',
  idx_emails_status: 'emails (status, received_at)',
  idx_emails_thread: 'emails (thread_id) WHERE (thread_id IS NOT NULL)',
  idx_emails_mailbox: 'emails (mailbox_id, uid) WHERE (mailbox_id IS NOT NULL)',
  email_attachments_pkey: 'email_attachments UNIQUE (email_id, "position")',
  idx_email_attachments_sha256: 'email_attachments (sha256)',
  email_audit_pkey: 'email_audit UNIQUE (audit_id)',
  idx_email_audit_email: 'email_audit (email_id, audit_id)',
  idx_email_audit_at: 'email_audit (at)',
  email_classes_pkey: 'email_classes UNIQUE (class_name)',
  email_rules_pkey: 'email_rules UNIQUE (rule_id)',
  uq_email_rules_name: 'email_rules UNIQUE (lower((name)::text))',
  classifier_examples_pkey: 'classifier_examples UNIQUE (example_id)',
  uq_classifier_examples_content: 'classifier_examples UNIQUE (content_sha256)',
  idx_classifier_examples_created: 'classifier_examples (created_at)',
  classifier_models_pkey: 'classifier_models UNIQUE (version)',
  uq_classifier_models_active:
    "classifier_models UNIQUE ((true)) WHERE (status = 'ACTIVE'::classifier_model_status_enum)",
  backup_log_pkey: 'backup_log UNIQUE (backup_id)',
  idx_robots_created: 'robots (created_at)',
  idx_robots_completed: 'robots (completed_at) WHERE (completed_at IS NOT NULL)',
  idx_execute_completed: "robot_execute (completed_at) WHERE (execution_state = 'COMPLETED'::execution_state_enum)",
  idx_robots_open_deadlines:
    "robots (deadline_at) WHERE ((deadline_at IS NOT NULL) AND (status = ANY (ARRAY['PENDING'::robot_status_enum, 'RETRYING'::robot_status_enum, 'PROCESSING'::robot_status_enum])))",
  uq_backup_log_running: "backup_log UNIQUE ((true)) WHERE (status = 'RUNNING'::backup_status_enum)",
  idx_backup_log_started: 'backup_log (started_at DESC, backup_id DESC)',
  idx_review_items_email: 'review_items (email_id) WHERE (email_id IS NOT NULL)',
};

/** "table.column -> table.column ON DELETE rule" for every foreign key. */
export const EXPECTED_FOREIGN_KEYS = [
  'api_keys.module_name -> module_registry.module_name ON DELETE NO ACTION',
  'api_keys.rotated_from -> api_keys.key_id ON DELETE NO ACTION',
  'classifier_examples.email_id -> emails.email_id ON DELETE SET NULL',
  'email_attachments.email_id -> emails.email_id ON DELETE CASCADE',
  'email_attachments.ocr_document_id -> ocr_documents.document_id ON DELETE SET NULL',
  'email_audit.email_id -> emails.email_id ON DELETE CASCADE',
  'email_audit.mailbox_id -> email_mailboxes.mailbox_id ON DELETE SET NULL',
  'emails.mailbox_id -> email_mailboxes.mailbox_id ON DELETE SET NULL',
  'emails.robot_id -> robots.robot_id ON DELETE SET NULL',
  'module_breaker_counts.module_name -> module_registry.module_name ON DELETE CASCADE',
  'module_health_checks.module_name -> module_registry.module_name ON DELETE CASCADE',
  'notification_deliveries.subscription_id -> notification_subscriptions.subscription_id ON DELETE CASCADE',
  'notification_subscriptions.robot_id -> robots.robot_id ON DELETE CASCADE',
  'ocr_documents.robot_id -> robots.robot_id ON DELETE SET NULL',
  'parked_events.consumer -> event_consumers.consumer ON DELETE CASCADE',
  'review_items.document_id -> ocr_documents.document_id ON DELETE CASCADE',
  'review_items.email_id -> emails.email_id ON DELETE CASCADE',
  'review_items.robot_id -> robots.robot_id ON DELETE SET NULL',
  'robot_execute.robot_id -> robots.robot_id ON DELETE CASCADE',
  'robots.module_name -> module_registry.module_name ON DELETE NO ACTION',
];

export const EXPECTED_PRIMARY_KEYS: Record<string, string> = {
  module_registry: 'module_id',
  robots: 'robot_id',
  robot_execute: 'execute_id',
  events: 'event_id',
  api_keys: 'key_id',
  security_audit: 'audit_id',
  monitoring_alerts: 'alert_id',
  module_breaker_counts: 'module_name, bucket_start, instance_id',
  event_consumers: 'consumer',
  parked_events: 'consumer, event_id',
  inbox_notifications: 'notification_id',
  notification_deliveries: 'delivery_id',
  notification_subscriptions: 'subscription_id',
  notification_templates: 'event_type, channel, locale',
  invoice_templates: 'template_id',
  ocr_documents: 'document_id',
  review_items: 'review_id',
  email_mailboxes: 'mailbox_id',
  emails: 'email_id',
  email_attachments: 'email_id, position',
  email_audit: 'audit_id',
  email_classes: 'class_name',
  email_rules: 'rule_id',
  classifier_examples: 'example_id',
  classifier_models: 'version',
  backup_log: 'backup_id',
};
