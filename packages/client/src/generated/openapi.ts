// Generated from openapi.json by scripts/generate-types.mjs (npm run build): do not edit.

export type paths = {
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List keys (never their secrets) */
        get: operations["ApiKeysController_list"];
        put?: never;
        /** Issue a key (its secret is shown in this answer only) */
        post: operations["ApiKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one key (never its secret) */
        get: operations["ApiKeysController_get"];
        put?: never;
        post?: never;
        /** Revoke a key: refused everywhere within API_KEY_CACHE_MS */
        delete: operations["ApiKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{key_id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a successor with the same rights; the old key expires after API_KEY_ROTATION_OVERLAP_SECONDS */
        post: operations["ApiKeysController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The security audit trail, newest first (auth failures, keys, admin operations, limits) */
        get: operations["AuditController_find"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/routing/select": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dry run: which module would take a robot of this type now, and why */
        get: operations["RoutingController_select"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List modules (active ones unless include_inactive=true; a module-bound key: its own) */
        get: operations["RegistryController_list"];
        put?: never;
        /** Register a module, or replace the registration of one with the same name */
        post: operations["RegistryController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/{module_name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One module, with its health and performance figures (cached up to 5 min; changes drop it) */
        get: operations["RegistryController_get"];
        put?: never;
        post?: never;
        /** Deactivate a module: it leaves routing; its history stays */
        delete: operations["RegistryController_deactivate"];
        options?: never;
        head?: never;
        /** Change a module: version, robot types, health endpoint, capacity, metadata, active */
        patch: operations["RegistryController_update"];
        trace?: never;
    };
    "/api/v1/robots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List robots, newest first, with filters and cursor pagination (a module-bound key: its module's) */
        get: operations["RobotsController_list"];
        put?: never;
        /** Submit a robot: routed to the best module now, or queued until one can take it */
        post: operations["RobotsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/robots/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit up to 1,000 robots in one transaction: all are created, or none */
        post: operations["RobotsController_createMany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/robots/{robot_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One robot (served from cache, 60 s, refreshed on every change) */
        get: operations["RobotsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/robots/{robot_id}/executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Execution history: one row per attempt, with steps, progress and resources */
        get: operations["RobotsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/robots/{robot_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a PENDING, RETRYING or PROCESSING robot; its lease stops being valid */
        post: operations["RobotsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/robots/{robot_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Requeue a FAILED or CANCELLED robot with a fresh attempt */
        post: operations["RobotsController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/{module_name}/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim robots for this module (priority, then age), each under a lease; optional long poll */
        post: operations["WorkController_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{execute_id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report step, progress and resource usage; extends the lease */
        post: operations["WorkController_progress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{execute_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish the attempt with its output: the robot is COMPLETED */
        post: operations["WorkController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish up to 100 attempts in one call, each with its own lease token and its own outcome in the answer
         * @description For workers that finish many small robots: one round trip and shared database statements instead of one call each. Each result is judged on its own, as the single call would judge it: a lost lease refuses that result (status lease_lost), not the others. Invalid input (more than 100, an execute_id twice, a bad field) refuses the whole call with 400 and writes nothing. Counts as one call against the rate limit.
         */
        post: operations["WorkController_completeBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{execute_id}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fail the attempt: retried with backoff when the category allows and retries remain */
        post: operations["WorkController_fail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ocr/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OCR documents, newest first, without their text and pages (`limit` + `cursor`) */
        get: operations["OcrDocumentsController_list"];
        put?: never;
        /** Upload a document for OCR: 200 with the result (dedupe cache, or sync and small), else 202 and a robot */
        post: operations["OcrDocumentsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ocr/documents/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload several documents (one `file` part each): each is its own document and robot, answered in order */
        post: operations["OcrDocumentsController_batch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ocr/documents/{document_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document: status, text, pages with lines and words, fields, quality, resources, cache origin, robot */
        get: operations["OcrDocumentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review queue, newest first: doubtful values with why, where, and their document */
        get: operations["ReviewsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One review item */
        get: operations["ReviewsController_get"];
        put?: never;
        /** Resolve a review with corrected values, or dismiss it; its document is updated and review.resolved written */
        post: operations["ReviewsController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up and its event loop answers */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: database, cache, disk, memory and event-loop lag
         * @description Answered from probes refreshed in the background every HEALTH_REFRESH_MS, each bounded by HEALTH_PROBE_TIMEOUT_MS: a call never waits on a dependency.
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitoring/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * System health (the seeds’ get_system_health) plus resource usage
         * @description Database figures (robots, modules, the last hour) are computed at most every 30 s and shared by all instances; operation latencies, error rate, cache, pools, probes and resource usage are this instance’s, read live.
         */
        get: operations["MonitoringController_dashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitoring/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Detailed health (admin): every probe with its figures, modules that need attention */
        get: operations["MonitoringController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitoring/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alerts, newest first: firing, resolved or all
         * @description Rules: response_time, error_rate, cache_hit_rate, db_pool_usage, db_breaker_open (per instance); module_unhealthy, module_breaker_open (per module), mailbox_unhealthy (per mailbox); pending_age, notification_dead_letters, notification_queue_age, backup_failing (fleet). Paged by `limit` and `cursor`.
         */
        get: operations["AlertsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event type: version, emitting layer, what it means */
        get: operations["EventsController_catalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/consumers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Named event consumers: cursor, backlog, failures, parked events, owner */
        get: operations["EventsController_consumers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/consumers/{consumer}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Forget a retired consumer (cursor and parked events), so it no longer holds back retention */
        delete: operations["EventsController_forget"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/consumers/{consumer}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay every event parked for a consumer, oldest first */
        post: operations["EventsController_replayAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/parked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Parked events, newest first: events a consumer kept failing, with the error */
        get: operations["EventsController_parked"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/parked/{consumer}/{event_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay one parked event to its consumer (delivered within about a second) */
        post: operations["EventsController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitoring/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per robot type: arrivals, durations, queue, the next hour forecast, capacity needed, bottlenecks
         * @description A fluid model over the figures of the last hour: the queue drains in queued / (throughput - arrivals). Throughput is the recent completion rate while a type is backlogged, else the eligible modules' capacity.
         */
        get: operations["ForecastController_forecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (public: METRICS_ACCESS=public) */
        get: operations["PublicMetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/backups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Backups, newest first: file, size, duration, checksum, verification */
        get: operations["BackupsController_list"];
        put?: never;
        /**
         * Run a full backup now (pg_dump -Fc, or the PGlite data folder), verified by a restore drill
         * @description Answers at once with the RUNNING backup; poll its Location until SUCCEEDED or FAILED.
         */
        post: operations["BackupsController_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/backups/{backup_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One backup */
        get: operations["BackupsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/training/examples": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Training examples, newest first, with the count of each label */
        get: operations["TrainingExamplesController_list"];
        put?: never;
        /** Add a labelled email (raw RFC 822, or subject/from/text); the same content again is relabelled */
        post: operations["TrainingExamplesController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/training/examples/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add up to 1,000 labelled emails in one transaction: all or none */
        post: operations["TrainingExamplesController_addMany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/training/examples/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a training example (models trained on it keep what they learned) */
        delete: operations["TrainingExamplesController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/training/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model versions, newest first, with their metrics */
        get: operations["ModelVersionsController_list"];
        put?: never;
        /** Train a new model version on every example, in the background: TRAINING now, then READY with 5-fold cross-validated metrics, or FAILED */
        post: operations["ModelVersionsController_train"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/training/models/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One model version: status, metrics, error */
        get: operations["ModelVersionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/training/models/{version}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Classify with this version from now on (also an older one: a rollback); the active one is RETIRED */
        post: operations["ModelVersionsController_activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/classify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dry run: how an email would be classified now (class, confidence, every class's probability, the rule that fired, route, review); nothing is stored */
        post: operations["ClassifyController_classify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/classes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every class with its route: robot type, review threshold, priority */
        get: operations["EmailClassesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/classes/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One class's route */
        get: operations["EmailClassesController_get"];
        /** Create a class or replace its route (robot type or null, min_confidence, priority) */
        put: operations["EmailClassesController_put"];
        post?: never;
        /** Delete a class route: its emails are then classified with no route (review decides) */
        delete: operations["EmailClassesController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every rule, in the order the classifier consults them (position, then name) */
        get: operations["EmailRulesController_list"];
        put?: never;
        /** Add a rule: conditions (all must hold), the class it decides, override or fallback */
        post: operations["EmailRulesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rule */
        get: operations["EmailRulesController_get"];
        put?: never;
        post?: never;
        /** Delete a rule */
        delete: operations["EmailRulesController_delete"];
        options?: never;
        head?: never;
        /** Change some of a rule (conditions, when given, are replaced whole) */
        patch: operations["EmailRulesController_update"];
        trace?: never;
    };
    "/api/v1/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Emails taken in, newest first (`limit` + `cursor`), by status, mailbox or class */
        get: operations["EmailsController_list"];
        put?: never;
        /** Take in one raw email (RFC 822): parsed, deduplicated, classified, extracted, and turned into a robot or a review */
        post: operations["EmailsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emails/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import an mbox file, streamed: each message is taken in as by POST /emails; progress lines as it goes, a summary last */
        post: operations["EmailsController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emails/{email_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An email: safe text, classification, extracted fields, PII tags, attachments, robot and every step */
        get: operations["EmailsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emails/{email_id}/attachments/{position}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An attachment's bytes, as a download (never rendered by the browser) */
        get: operations["EmailsController_attachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emails/{email_id}/label": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct an email's class: it becomes a training example; an email waiting in review gets its robot from it */
        post: operations["EmailsController_label"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ocr/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Vendor templates, newest first (USER and LEARNED) */
        get: operations["InvoiceTemplatesController_list"];
        put?: never;
        /** Add a vendor template (invoice2data-style keywords and field patterns) */
        post: operations["InvoiceTemplatesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ocr/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One vendor template */
        get: operations["InvoiceTemplatesController_get"];
        /** Replace a template's vendor name, keywords, fields and options */
        put: operations["InvoiceTemplatesController_replace"];
        post?: never;
        /** Delete a vendor template */
        delete: operations["InvoiceTemplatesController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/mailboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List mailboxes, newest first, with their health and checkpoint (cursor pagination) */
        get: operations["MailboxesController_list"];
        put?: never;
        /** Watch an IMAP mailbox; its password or token is sealed at rest and never shown */
        post: operations["MailboxesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/mailboxes/{mailbox_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One mailbox: settings, health, last error, checkpoint and the instance watching it */
        get: operations["MailboxesController_get"];
        put?: never;
        post?: never;
        /** Stop watching and delete a mailbox (its emails and audit stay) */
        delete: operations["MailboxesController_delete"];
        options?: never;
        head?: never;
        /** Change settings; a new password or token is sealed again; another host, user or folder restarts the checkpoint */
        patch: operations["MailboxesController_update"];
        trace?: never;
    };
    "/api/v1/email/mailboxes/{mailbox_id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** PAUSED: its watcher logs out and lets go of it; the checkpoint is kept */
        post: operations["MailboxesController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/mailboxes/{mailbox_id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** ACTIVE again: an instance takes it and catches up from the checkpoint */
        post: operations["MailboxesController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email/mailboxes/{mailbox_id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Connect now (read-only) and answer what the folder holds against the checkpoint, or the error */
        post: operations["MailboxesController_check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List subscriptions, newest first, with filters and cursor pagination */
        get: operations["SubscriptionsController_list"];
        put?: never;
        /** Subscribe a target to events; a webhook’s signing secret is in this answer only */
        post: operations["SubscriptionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/subscriptions/{subscription_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One subscription (never its secret) */
        get: operations["SubscriptionsController_get"];
        put?: never;
        post?: never;
        /** Delete a subscription and its delivery log */
        delete: operations["SubscriptionsController_delete"];
        options?: never;
        head?: never;
        /** Change event types, filter, target, locale, digest, retry schedule, timeout or name */
        patch: operations["SubscriptionsController_update"];
        trace?: never;
    };
    "/api/v1/notifications/subscriptions/{subscription_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** New webhook secret (shown once); the previous one also signs for NOTIFY_SECRET_ROTATION_OVERLAP_HOURS */
        post: operations["SubscriptionsController_rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/subscriptions/{subscription_id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-enable a DISABLED subscription (its failure record starts afresh) */
        post: operations["SubscriptionsController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/subscriptions/{subscription_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send again every ended delivery of this subscription created in [since, until) */
        post: operations["SubscriptionsController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log, newest first: filter by state, subscription, channel, event type, time */
        get: operations["DeliveriesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery: attempts, next attempt, last error, response status, latency, payload */
        get: operations["DeliveriesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/deliveries/{delivery_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send an ended (SENT or DEAD) delivery again: back to PENDING, due now, same id */
        post: operations["DeliveriesController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every template in effect (defaults and overrides), with its source */
        get: operations["TemplatesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a template without saving it (a sample event when no data is given) */
        post: operations["TemplatesController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/templates/{event_type}/{channel}/{locale}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The template in effect for an event type, channel and locale */
        get: operations["TemplatesController_get"];
        /** Save an override (validated against the event type before it is stored) */
        put: operations["TemplatesController_save"];
        post?: never;
        /** Drop the override: the shipped default is used again (answered) */
        delete: operations["TemplatesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An audience's in-app notifications, newest first, with its unread count
         * @description Paged by `limit` and `cursor`; `audience` defaults to `admins`.
         */
        get: operations["InboxController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/inbox/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An audience's unread in-app notifications */
        get: operations["InboxController_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/inbox/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an audience's notifications read, all of them or up to an id */
        post: operations["InboxController_markAllRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/inbox/{notification_id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one notification read (again is fine: it keeps its first read time) */
        post: operations["InboxController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An audience's in-app notifications, live (Server-Sent Events)
         * @description Each notification is an event `notification` whose id is its notification_id. Reconnecting with `Last-Event-ID` (or `?last_event_id=`) first replays every notification after it, from the database, whichever instance answers, then continues live with nothing missed or repeated. A `: ping` comment every NOTIFY_SSE_HEARTBEAT_MS.
         */
        get: operations["InboxStreamController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        ProblemDetailsDto: {
            /**
             * @description Always about:blank: `code` says which problem it is
             * @example about:blank
             */
            type: string;
            /**
             * @description The status's reason phrase
             * @example Not Found
             */
            title: string;
            /** @example 404 */
            status: number;
            /**
             * @description Safe to show to a person
             * @example No robot LEGAL_1795310000000_42.
             */
            detail: string;
            /**
             * @description Stable and machine-readable
             * @example ROBOT_NOT_FOUND
             */
            code: string;
            /**
             * @description The path, without the query
             * @example /api/v1/robots/LEGAL_1795310000000_42
             */
            instance: string;
            /**
             * @description Also in X-Request-Id
             * @example 5d0c7c1e-8b7e-4a51-9a55-1f0b2c3d4e5f
             */
            request_id: string;
            /**
             * Format: uuid
             * @description On an unexpected 5xx: quote it when reporting, it is on the log line with the cause
             * @example 0b9d8f3e-2f4a-4c61-8d7e-6a5b4c3d2e1f
             */
            error_id?: string;
            /**
             * @description With VALIDATION_FAILED: every failing field
             * @example [
             *       "robot_type must be 1-50 lowercase letters, digits, _ . or -"
             *     ]
             */
            errors?: string[];
        };
        CreateApiKeyDto: {
            /**
             * @description Who or what uses the key (shown in lists and audit)
             * @example legal-worker-prod
             */
            name: string;
            /**
             * @example [
             *       "work",
             *       "modules:write"
             *     ]
             */
            scopes: ("admin" | "modules:read" | "modules:write" | "robots:read" | "robots:write" | "work" | "monitoring:read" | "notifications:read" | "notifications:write" | "ocr:read" | "ocr:write" | "reviews:read" | "reviews:write" | "email:read" | "email:write")[];
            /**
             * @description Bind the key to one registered module
             * @example LegalModule
             */
            module_name?: string;
            /**
             * @description Requests per minute for this key (default RATE_LIMIT_PER_MINUTE)
             * @example 6000
             */
            rate_limit_per_minute?: number;
            /**
             * @description When the key stops working
             * @example 2027-06-30T00:00:00Z
             */
            expires_at?: string;
        };
        IssuedApiKeyDto: {
            /** @example key_3f9a1c2b */
            key_id: string;
            /** @example legal-worker-prod */
            name: string;
            /**
             * @description Public part of the key: bf_<key_prefix>_…
             * @example 3f9a1c2b
             */
            key_prefix: string;
            /**
             * @example [
             *       "work"
             *     ]
             */
            scopes: string[];
            /** @example LegalModule */
            module_name: string | null;
            /** @example 6000 */
            rate_limit_per_minute: number | null;
            /**
             * @example active
             * @enum {string}
             */
            status: "active" | "expired" | "revoked";
            /** @example 2026-11-22T10:00:00.000Z */
            created_at: string;
            /** @example 2027-06-30T00:00:00.000Z */
            expires_at: string | null;
            /** @example null */
            last_used_at: string | null;
            /** @example null */
            revoked_at: string | null;
            /**
             * @description The key this one replaced
             * @example null
             */
            rotated_from: string | null;
            /**
             * @description The secret: shown in this answer only, never again. Store it now.
             * @example bf_3f9a1c2b_Zx…
             */
            api_key: string;
        };
        ApiKeyResponseDto: {
            /** @example key_3f9a1c2b */
            key_id: string;
            /** @example legal-worker-prod */
            name: string;
            /**
             * @description Public part of the key: bf_<key_prefix>_…
             * @example 3f9a1c2b
             */
            key_prefix: string;
            /**
             * @example [
             *       "work"
             *     ]
             */
            scopes: string[];
            /** @example LegalModule */
            module_name: string | null;
            /** @example 6000 */
            rate_limit_per_minute: number | null;
            /**
             * @example active
             * @enum {string}
             */
            status: "active" | "expired" | "revoked";
            /** @example 2026-11-22T10:00:00.000Z */
            created_at: string;
            /** @example 2027-06-30T00:00:00.000Z */
            expires_at: string | null;
            /** @example null */
            last_used_at: string | null;
            /** @example null */
            revoked_at: string | null;
            /**
             * @description The key this one replaced
             * @example null
             */
            rotated_from: string | null;
        };
        AuditEntryDto: {
            /** @example 01931f2e-7c4a-7b3d-9e1f-2a3b4c5d6e7f */
            audit_id: string;
            /** @example 2026-11-23T09:00:00.000Z */
            created_at: string;
            /** @example auth.failed */
            operation: string;
            /** @example false */
            success: boolean;
            /** @example 401 */
            status_code: number | null;
            /** @example /api/v1/robots */
            resource_id: string | null;
            /** @example null */
            module_name: string | null;
            /** @example null */
            key_id: string | null;
            /** @example 3f9a1c2b */
            key_prefix: string | null;
            /** @example 10.0.0.7 */
            ip: string | null;
            /**
             * @example {
             *       "method": "GET",
             *       "reason": "unknown"
             *     }
             */
            details: Record<string, unknown> | null;
        };
        AuditPageDto: {
            /**
             * @description cursor of the next page; null on the last page
             * @example MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy
             */
            next_cursor: string | null;
            items: components["schemas"]["AuditEntryDto"][];
        };
        WeightsDto: {
            /** @example 0.5 */
            performance: number;
            /** @example 0.3 */
            capacity: number;
            /** @example 0.2 */
            health: number;
        };
        ScorePartsDto: {
            /** @example 0.45 */
            performance: number;
            /** @example 0.24 */
            capacity: number;
            /** @example 0.2 */
            health: number;
            /** @example 0.89 */
            total: number;
        };
        CandidateDto: {
            /** @example LegalModule */
            module_name: string;
            /** @example 1.2.0 */
            module_version: string;
            /**
             * @example HEALTHY
             * @enum {string}
             */
            health_status: "HEALTHY" | "DEGRADED" | "UNHEALTHY" | "UNKNOWN";
            /** @example 0.9 */
            performance_score: number;
            /** @example 0.2 */
            capacity_utilization: number;
            /** @example true */
            eligible: boolean;
            /** @example [] */
            excluded_because: ("INACTIVE" | "UNHEALTHY" | "AT_CAPACITY" | "QUARANTINED")[];
            score: components["schemas"]["ScorePartsDto"];
        };
        RoutingDecisionDto: {
            /** @example legal_review */
            robot_type: string;
            /** @example weighted */
            strategy: string;
            weights: components["schemas"]["WeightsDto"];
            /**
             * @description null when no module is eligible
             * @example LegalModule
             */
            selected_module: string | null;
            /** @description Eligible first, best first; excluded ones say why */
            candidates: components["schemas"]["CandidateDto"][];
            /** @example 2026-11-22T01:00:00.000Z */
            decided_at: string;
        };
        RegisterModuleDto: {
            /**
             * @description Unique name; letters, digits, _ and -, starting with a letter
             * @example LegalModule
             */
            module_name: string;
            /** @example 1.2.0 */
            module_version: string;
            /**
             * @description Robot types this module processes (1-50)
             * @example [
             *       "legal_review",
             *       "contract_check"
             *     ]
             */
            supported_robot_types: string[];
            /**
             * @description Polled by the health monitor
             * @example http://legal-worker:8080/health
             */
            health_endpoint?: string;
            /**
             * @description Robots the module may run at once
             * @default 10
             * @example 10
             */
            max_concurrent_robots?: number;
            /**
             * @description Free-form metadata (16 KB at most)
             * @example {
             *       "team": "legal",
             *       "owner": "ops@example.com"
             *     }
             */
            registration_data?: Record<string, unknown>;
        };
        ModuleResponseDto: {
            /**
             * @description {name}_{version}_{env}
             * @example LegalModule_1.2.0_local
             */
            module_id: string;
            /** @example LegalModule */
            module_name: string;
            /** @example 1.2.0 */
            module_version: string;
            /**
             * @example [
             *       "legal_review"
             *     ]
             */
            supported_robot_types: string[];
            /** @example true */
            is_active: boolean;
            /** @example http://legal-worker:8080/health */
            health_endpoint: string | null;
            /** @example 10 */
            max_concurrent_robots: number;
            /**
             * @example {
             *       "team": "legal"
             *     }
             */
            registration_data: Record<string, unknown> | null;
            /**
             * @example HEALTHY
             * @enum {string|null}
             */
            health_status: "HEALTHY" | "DEGRADED" | "UNHEALTHY" | "UNKNOWN" | null;
            /** @example 2026-11-23T09:00:00.000Z */
            last_health_check: string | null;
            /** @example 0 */
            consecutive_failures: number | null;
            /** @example null */
            last_error_message: string | null;
            /** @example 99.5 */
            uptime_percentage_24h: number | null;
            /** @example 0.92 */
            performance_score: number | null;
            /**
             * @example HIGH
             * @enum {string|null}
             */
            performance_tier: "HIGH" | "MEDIUM" | "LOW" | "CRITICAL" | null;
            /** @example 98.5 */
            success_rate_24h: number | null;
            /** @example 3 */
            error_count_24h: number | null;
            /** @example 1850 */
            avg_processing_time_ms: number | null;
            /** @example 0.3 */
            capacity_utilization: number | null;
            /** @example 1200 */
            total_robots_processed: number | null;
            /**
             * @description OPEN: quarantined, no routing, no claims
             * @example CLOSED
             * @enum {string}
             */
            breaker_state: "CLOSED" | "OPEN" | "HALF_OPEN";
            /**
             * @description When the quarantine ends
             * @example null
             */
            breaker_until: string | null;
            /** @example 2026-11-22T10:00:00.000Z */
            registered_at: string;
            /** @example 2026-11-22T10:00:00.000Z */
            updated_at: string;
        };
        UpdateModuleDto: {
            /** @example 1.2.0 */
            module_version?: string;
            /**
             * @description Robot types this module processes (1-50)
             * @example [
             *       "legal_review",
             *       "contract_check"
             *     ]
             */
            supported_robot_types?: string[];
            /**
             * @description Polled by the health monitor
             * @example http://legal-worker:8080/health
             */
            health_endpoint?: string;
            /**
             * @description Robots the module may run at once
             * @default 10
             * @example 10
             */
            max_concurrent_robots?: number;
            /**
             * @description Free-form metadata (16 KB at most)
             * @example {
             *       "team": "legal",
             *       "owner": "ops@example.com"
             *     }
             */
            registration_data?: Record<string, unknown>;
            /** @description false takes the module out of routing; true brings it back */
            is_active?: boolean;
        };
        RobotNotifyDto: {
            /**
             * @description webhook, email, sms or in_app
             * @example webhook
             */
            channel: string;
            /**
             * @description webhook: http(s) URL; email: an address; sms: E.164; in_app: an audience
             * @example https://hooks.example.com/robots
             */
            target: string;
        };
        CreateRobotDto: {
            /** @example legal_review */
            robot_type: string;
            /**
             * @description The work itself: any JSON object
             * @example {
             *       "case_id": "C-1042",
             *       "documents": 3
             *     }
             */
            input_data: Record<string, unknown>;
            /**
             * @default NORMAL
             * @enum {string}
             */
            priority?: "LOW" | "NORMAL" | "HIGH" | "CRITICAL";
            /**
             * @description Groups robots of one batch
             * @example batch-2026-11-22
             */
            correlation_id?: string;
            /**
             * @description Where the work came from
             * @example email:<msg-1@example.com>
             */
            source_reference?: string;
            /**
             * @description Retries after the first attempt
             * @default 3
             */
            retry_limit?: number;
            /**
             * @description Per-attempt timeout
             * @default 1800
             */
            timeout_seconds?: number;
            /**
             * @description Business deadline (ISO 8601), for SLA alerts
             * @example 2026-11-23T09:00:00Z
             */
            deadline?: string;
            /** @description POST /robots only: each target gets robot.completed, robot.failed, robot.cancelled and robot.retrying of this robot; a webhook’s signing secret is in the creation answer only */
            notify?: components["schemas"]["RobotNotifyDto"][];
        };
        RobotResponseDto: {
            /**
             * @description {prefix}_{timestamp}_{seq}
             * @example LEGAL_1795310000000_42
             */
            robot_id: string;
            /** @example legal_review */
            robot_type: string;
            /**
             * @example COMPLETED
             * @enum {string}
             */
            status: "PENDING" | "PROCESSING" | "COMPLETED" | "FAILED" | "RETRYING" | "CANCELLED";
            /**
             * @description null while waiting for a module
             * @example LegalModule
             */
            module_name: string | null;
            /**
             * @example NORMAL
             * @enum {string}
             */
            priority: "LOW" | "NORMAL" | "HIGH" | "CRITICAL";
            /**
             * @example {
             *       "case_id": "C-1042",
             *       "documents": 3
             *     }
             */
            input_data: Record<string, unknown>;
            /**
             * @example {
             *       "verdict": "approved"
             *     }
             */
            output_data: Record<string, unknown> | null;
            /** @example 0 */
            retry_count: number;
            /** @example 3 */
            retry_limit: number;
            /**
             * @description The latest failed attempt’s, while the robot is RETRYING or FAILED (or requeued after); null once COMPLETED
             * @example null
             */
            error_category: string | null;
            /**
             * @description As error_category; every attempt keeps its own
             * @example null
             */
            error_details: Record<string, unknown> | null;
            /**
             * @description The reason given when it was cancelled
             * @example null
             */
            cancel_reason: string | null;
            /** @example 0.95 */
            completeness_score: number | null;
            /** @example 0.9 */
            confidence_score: number | null;
            /** @example 1850 */
            processing_time_ms: number | null;
            /** @example batch-2026-11-22 */
            correlation_id: string | null;
            /** @example email:<msg-1@example.com> */
            source_reference: string | null;
            /** @example 1800 */
            timeout_seconds: number;
            /** @example 2026-11-23T09:00:00.000Z */
            deadline: string | null;
            /**
             * @description When a PENDING or RETRYING robot becomes claimable
             * @example null
             */
            next_attempt_at: string | null;
            /**
             * @description The explained routing decision
             * @example {
             *       "selected_module": "LegalModule",
             *       "strategy": "weighted"
             *     }
             */
            routing_decision: Record<string, unknown> | null;
            /** @example 2026-11-22T10:00:00.000Z */
            created_at: string;
            /** @example 2026-11-22T10:00:02.000Z */
            updated_at: string;
            /** @example 2026-11-22T10:00:00.100Z */
            started_at: string | null;
            /** @example 2026-11-22T10:00:01.950Z */
            completed_at: string | null;
        };
        RobotWarningDto: {
            /**
             * @example UNKNOWN_ROBOT_TYPE
             * @enum {string}
             */
            code: "UNKNOWN_ROBOT_TYPE";
            /** @example No registered module handles robot_type legal_reveiw: the robot waits until one is registered. */
            message: string;
            /** @example legal_reveiw */
            robot_type: string;
        };
        RobotNotifySubscriptionDto: {
            /**
             * Format: uuid
             * @example 0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f
             */
            subscription_id: string;
            /** @example webhook */
            channel: string;
            /**
             * @description As stored (normalised)
             * @example https://hooks.example.com/robots
             */
            target: string;
            /**
             * @description Webhooks: the signing secret, shown in this answer only; null for other channels
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string | null;
        };
        CreatedRobotResponseDto: {
            /**
             * @description {prefix}_{timestamp}_{seq}
             * @example LEGAL_1795310000000_42
             */
            robot_id: string;
            /** @example legal_review */
            robot_type: string;
            /**
             * @example COMPLETED
             * @enum {string}
             */
            status: "PENDING" | "PROCESSING" | "COMPLETED" | "FAILED" | "RETRYING" | "CANCELLED";
            /**
             * @description null while waiting for a module
             * @example LegalModule
             */
            module_name: string | null;
            /**
             * @example NORMAL
             * @enum {string}
             */
            priority: "LOW" | "NORMAL" | "HIGH" | "CRITICAL";
            /**
             * @example {
             *       "case_id": "C-1042",
             *       "documents": 3
             *     }
             */
            input_data: Record<string, unknown>;
            /**
             * @example {
             *       "verdict": "approved"
             *     }
             */
            output_data: Record<string, unknown> | null;
            /** @example 0 */
            retry_count: number;
            /** @example 3 */
            retry_limit: number;
            /**
             * @description The latest failed attempt’s, while the robot is RETRYING or FAILED (or requeued after); null once COMPLETED
             * @example null
             */
            error_category: string | null;
            /**
             * @description As error_category; every attempt keeps its own
             * @example null
             */
            error_details: Record<string, unknown> | null;
            /**
             * @description The reason given when it was cancelled
             * @example null
             */
            cancel_reason: string | null;
            /** @example 0.95 */
            completeness_score: number | null;
            /** @example 0.9 */
            confidence_score: number | null;
            /** @example 1850 */
            processing_time_ms: number | null;
            /** @example batch-2026-11-22 */
            correlation_id: string | null;
            /** @example email:<msg-1@example.com> */
            source_reference: string | null;
            /** @example 1800 */
            timeout_seconds: number;
            /** @example 2026-11-23T09:00:00.000Z */
            deadline: string | null;
            /**
             * @description When a PENDING or RETRYING robot becomes claimable
             * @example null
             */
            next_attempt_at: string | null;
            /**
             * @description The explained routing decision
             * @example {
             *       "selected_module": "LegalModule",
             *       "strategy": "weighted"
             *     }
             */
            routing_decision: Record<string, unknown> | null;
            /** @example 2026-11-22T10:00:00.000Z */
            created_at: string;
            /** @example 2026-11-22T10:00:02.000Z */
            updated_at: string;
            /** @example 2026-11-22T10:00:00.100Z */
            started_at: string | null;
            /** @example 2026-11-22T10:00:01.950Z */
            completed_at: string | null;
            /** @description Present only when not empty */
            warnings?: components["schemas"]["RobotWarningDto"][];
            /** @description Present when the robot was created with `notify` (not on an idempotent replay) */
            notify?: components["schemas"]["RobotNotifySubscriptionDto"][];
        };
        BulkCreateRobotsDto: {
            /** @description 1-1000 robots, created all or none */
            robots: components["schemas"]["CreateRobotDto"][];
        };
        BulkCreateRobotsResponseDto: {
            /**
             * @description 0 on a replay
             * @example 2
             */
            created: number;
            /** @description In request order */
            robots: components["schemas"]["RobotResponseDto"][];
            /** @description One per unknown robot_type; only when not empty */
            warnings?: components["schemas"]["RobotWarningDto"][];
        };
        RobotPageDto: {
            /**
             * @description cursor of the next page; null on the last page
             * @example MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy
             */
            next_cursor: string | null;
            items: components["schemas"]["RobotResponseDto"][];
        };
        ExecutionResponseDto: {
            /**
             * Format: uuid
             * @example 01931f2e-7c4a-7b3d-9e1f-2a3b4c5d6e7f
             */
            execute_id: string;
            /** @example LEGAL_1795310000000_42 */
            robot_id: string;
            /** @example LegalModule */
            module_name: string;
            /**
             * @example RUNNING
             * @enum {string}
             */
            execution_state: "PENDING" | "RUNNING" | "PAUSED" | "COMPLETED" | "FAILED" | "RETRYING" | "CANCELLED";
            /** @example OCR_EXTRACT */
            current_step: string | null;
            /**
             * @example null
             * @enum {string|null}
             */
            step_category: "INIT" | "VALIDATION" | "PROCESSING" | "EXTERNAL_API" | "FINALIZATION" | null;
            /** @example 40 */
            progress_percentage: number | null;
            /** @example 2 */
            completed_steps: number | null;
            /** @example 5 */
            total_steps: number | null;
            /**
             * @example {
             *       "name": "OCR_EXTRACT",
             *       "input_size": 2.5
             *     }
             */
            step_details: Record<string, unknown> | null;
            /** @example 850 */
            step_duration_ms: number | null;
            /** @example 35.5 */
            cpu_usage_percent: number | null;
            /** @example 256 */
            memory_usage_mb: number | null;
            /** @example 2026-11-22T10:00:00.100Z */
            started_at: string;
            /** @example null */
            completed_at: string | null;
            /** @example null */
            duration_ms: number | null;
            /** @example 0 */
            retry_count: number | null;
            /** @example null */
            error_message: string | null;
            /**
             * @description Set when this attempt failed
             * @example null
             */
            error_category: string | null;
            /**
             * @description Set when this attempt failed
             * @example null
             */
            error_details: Record<string, unknown> | null;
            /** @example 2026-11-22T10:01:00.100Z */
            lease_expires_at: string | null;
        };
        CancelRobotDto: {
            /**
             * @description Shown in pages: HTML is stripped
             * @example Duplicate request
             */
            reason?: string;
        };
        ClaimRobotsDto: {
            /** @default 1 */
            max_robots?: number;
            /**
             * @description Lease length; progress extends it
             * @default 60
             */
            lease_seconds?: number;
            /**
             * @description Long poll: wait this long for work
             * @default 0
             */
            wait_ms?: number;
        };
        ClaimedRobotDto: {
            /**
             * @description {prefix}_{timestamp}_{seq}
             * @example LEGAL_1795310000000_42
             */
            robot_id: string;
            /** @example legal_review */
            robot_type: string;
            /**
             * @example COMPLETED
             * @enum {string}
             */
            status: "PENDING" | "PROCESSING" | "COMPLETED" | "FAILED" | "RETRYING" | "CANCELLED";
            /**
             * @description null while waiting for a module
             * @example LegalModule
             */
            module_name: string | null;
            /**
             * @example NORMAL
             * @enum {string}
             */
            priority: "LOW" | "NORMAL" | "HIGH" | "CRITICAL";
            /**
             * @example {
             *       "case_id": "C-1042",
             *       "documents": 3
             *     }
             */
            input_data: Record<string, unknown>;
            /**
             * @example {
             *       "verdict": "approved"
             *     }
             */
            output_data: Record<string, unknown> | null;
            /** @example 0 */
            retry_count: number;
            /** @example 3 */
            retry_limit: number;
            /**
             * @description The latest failed attempt’s, while the robot is RETRYING or FAILED (or requeued after); null once COMPLETED
             * @example null
             */
            error_category: string | null;
            /**
             * @description As error_category; every attempt keeps its own
             * @example null
             */
            error_details: Record<string, unknown> | null;
            /**
             * @description The reason given when it was cancelled
             * @example null
             */
            cancel_reason: string | null;
            /** @example 0.95 */
            completeness_score: number | null;
            /** @example 0.9 */
            confidence_score: number | null;
            /** @example 1850 */
            processing_time_ms: number | null;
            /** @example batch-2026-11-22 */
            correlation_id: string | null;
            /** @example email:<msg-1@example.com> */
            source_reference: string | null;
            /** @example 1800 */
            timeout_seconds: number;
            /** @example 2026-11-23T09:00:00.000Z */
            deadline: string | null;
            /**
             * @description When a PENDING or RETRYING robot becomes claimable
             * @example null
             */
            next_attempt_at: string | null;
            /**
             * @description The explained routing decision
             * @example {
             *       "selected_module": "LegalModule",
             *       "strategy": "weighted"
             *     }
             */
            routing_decision: Record<string, unknown> | null;
            /** @example 2026-11-22T10:00:00.000Z */
            created_at: string;
            /** @example 2026-11-22T10:00:02.000Z */
            updated_at: string;
            /** @example 2026-11-22T10:00:00.100Z */
            started_at: string | null;
            /** @example 2026-11-22T10:00:01.950Z */
            completed_at: string | null;
            /**
             * Format: uuid
             * @description The attempt to report on
             * @example 01931f2e-7c4a-7b3d-9e1f-2a3b4c5d6e7f
             */
            execute_id: string;
            /**
             * Format: uuid
             * @example 6f1d2c3b-4a59-4e8f-9d0c-1b2a3f4e5d6c
             */
            lease_token: string;
            /** @example 2026-11-22T10:01:00.100Z */
            lease_expires_at: string;
        };
        ProgressDto: {
            /**
             * Format: uuid
             * @description Proves the lease: send it with progress, complete and fail
             */
            lease_token: string;
            /**
             * @description Shown in pages: HTML is stripped
             * @example OCR_EXTRACT
             */
            current_step?: string;
            /** @enum {string} */
            step_category?: "INIT" | "VALIDATION" | "PROCESSING" | "EXTERNAL_API" | "FINALIZATION";
            progress_percentage?: number;
            completed_steps?: number;
            total_steps?: number;
            /**
             * @example {
             *       "name": "OCR_EXTRACT",
             *       "input_size": 2.5
             *     }
             */
            step_details?: Record<string, unknown>;
            step_duration_ms?: number;
            cpu_usage_percent?: number;
            memory_usage_mb?: number;
        };
        CompleteDto: {
            /**
             * Format: uuid
             * @description Proves the lease: send it with progress, complete and fail
             */
            lease_token: string;
            /**
             * @example {
             *       "verdict": "approved"
             *     }
             */
            output_data: Record<string, unknown>;
            completeness_score?: number;
            confidence_score?: number;
        };
        CompleteBatchItemDto: {
            /**
             * Format: uuid
             * @description Proves the lease: send it with progress, complete and fail
             */
            lease_token: string;
            /**
             * @example {
             *       "verdict": "approved"
             *     }
             */
            output_data: Record<string, unknown>;
            completeness_score?: number;
            confidence_score?: number;
            /**
             * Format: uuid
             * @description The attempt, as the claim returned it
             */
            execute_id: string;
        };
        CompleteBatchDto: {
            results: components["schemas"]["CompleteBatchItemDto"][];
        };
        CompleteBatchItemResultDto: {
            /**
             * Format: uuid
             * @example 01931f2e-7c4a-7b3d-9e1f-2a3b4c5d6e7f
             */
            execute_id: string;
            /**
             * @description completed; lease_lost (the lease expired and was reclaimed, the robot was cancelled, or a module-bound key does not own it: the same as a 409 on the single call); unavailable (the database failed: retry this one)
             * @example completed
             * @enum {string}
             */
            status: "completed" | "lease_lost" | "unavailable";
            /** @description The robot, when completed */
            robot?: components["schemas"]["RobotResponseDto"];
        };
        CompleteBatchResponseDto: {
            /** @example 99 */
            completed: number;
            /** @example 1 */
            refused: number;
            /** @description One per result sent, in the same order */
            results: components["schemas"]["CompleteBatchItemResultDto"][];
        };
        FailDto: {
            /**
             * Format: uuid
             * @description Proves the lease: send it with progress, complete and fail
             */
            lease_token: string;
            /**
             * @description VALIDATION is not retried; the others are, up to retry_limit
             * @enum {string}
             */
            error_category: "VALIDATION" | "TIMEOUT" | "EXTERNAL_API" | "SYSTEM";
            /**
             * @description Shown in pages: HTML is stripped
             * @example Court registry API answered 503
             */
            error_message: string;
            /**
             * @example {
             *       "step": "OCR",
             *       "http_status": 503
             *     }
             */
            error_details?: Record<string, unknown>;
        };
        OcrOptionsDto: {
            /** @example eng+spa */
            languages: string;
            /**
             * @example auto
             * @enum {string}
             */
            engine: "auto" | "native" | "wasm";
            /**
             * @description Business fields extracted
             * @example null
             * @enum {string|null}
             */
            extract: "invoice" | null;
        };
        OcrErrorDto: {
            /**
             * @description Stable, when known
             * @example OCR_UNREADABLE_DOCUMENT
             */
            code: string | null;
            /** @example The document cannot be read: the PDF is encrypted. */
            detail: string;
        };
        OcrResourcesDto: {
            /** @example 3120 */
            cpu_ms: number | null;
            /** @example 412 */
            peak_memory_mb: number | null;
            /** @example 3480 */
            duration_ms: number | null;
        };
        OcrDocumentDto: {
            /**
             * Format: uuid
             * @example 7c9e6679-7425-40de-944b-e07fc1f90ae7
             */
            document_id: string;
            /**
             * @example COMPLETED
             * @enum {string}
             */
            status: "PENDING" | "PROCESSING" | "COMPLETED" | "NEEDS_REVIEW" | "FAILED";
            /** @example invoice-2026-001.png */
            filename: string | null;
            /**
             * @description Judged by the content, not the name
             * @example image/png
             */
            media_type: string;
            /** @example 38668 */
            size_bytes: number;
            /** @example a3f1c2d4e5b6a7980c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4 */
            sha256: string;
            options: components["schemas"]["OcrOptionsDto"];
            /** @example 1 */
            page_count: number | null;
            /**
             * @description Document confidence, 0-100
             * @example 91.5
             */
            confidence: number | null;
            /**
             * @description Answered from a finished result of the same bytes and options
             * @example false
             */
            from_cache: boolean;
            /**
             * @description The document whose result this is
             * @example null
             */
            cached_from: string | null;
            /**
             * @description null for a cache hit
             * @example OCR_1795310000000_7
             */
            robot_id: string | null;
            error: components["schemas"]["OcrErrorDto"] | null;
            /** @example 2026-11-22T10:00:00.000Z */
            created_at: string;
            /** @example 2026-11-22T10:00:03.480Z */
            completed_at: string | null;
            /**
             * @example INVOICE 2026-001
             *     ACME S.L. ...
             */
            text: string | null;
            /**
             * @description Per page: source (native, wasm or pdf_text), text, confidence, rotation, lines with words and boxes
             * @example [
             *       {
             *         "page_number": 1,
             *         "source": "native",
             *         "text": "INVOICE 2026-001",
             *         "confidence": 93,
             *         "rotation_applied": 0,
             *         "preprocessing": [
             *           "grayscale"
             *         ],
             *         "lines": [
             *           {
             *             "text": "INVOICE 2026-001",
             *             "confidence": 93,
             *             "box": {
             *               "x0": 36,
             *               "y0": 92,
             *               "x1": 410,
             *               "y1": 130
             *             },
             *             "words": []
             *           }
             *         ],
             *         "quality": {
             *           "verdict": "good",
             *           "reasons": []
             *         },
             *         "engines_tried": [
             *           {
             *             "engine": "native",
             *             "confidence": 93,
             *             "ms": 2900
             *           }
             *         ],
             *         "timings_ms": {
             *           "preprocess": 40,
             *           "recognise": 2900,
             *           "total": 2960
             *         },
             *         "width": 2480,
             *         "height": 3508
             *       }
             *     ]
             */
            pages: {
                [key: string]: unknown;
            }[] | null;
            /**
             * @example {
             *       "verdict": "acceptable",
             *       "reasons": [
             *         "resolution below 200 dpi: rescan at 300 dpi"
             *       ],
             *       "dpi": 150
             *     }
             */
            quality: {
                [key: string]: unknown;
            } | null;
            /**
             * @description With extract=invoice: each field with its confidence and checks
             * @example [
             *       {
             *         "name": "total",
             *         "value": 121,
             *         "confidence": 0.94,
             *         "checks": [
             *           {
             *             "check": "total_matches_tax",
             *             "passed": true
             *           }
             *         ]
             *       }
             *     ]
             */
            fields: {
                [key: string]: unknown;
            }[] | null;
            /**
             * @description Fields sent to human review (status NEEDS_REVIEW)
             * @example [
             *       "vendor_tax_id"
             *     ]
             */
            needs_review: string[] | null;
            resources: components["schemas"]["OcrResourcesDto"];
        };
        OcrAcceptedDto: {
            /**
             * Format: uuid
             * @example 7c9e6679-7425-40de-944b-e07fc1f90ae7
             */
            document_id: string;
            /** @example OCR_1795310000000_7 */
            robot_id: string;
            /**
             * @example PENDING
             * @enum {string}
             */
            status: "PENDING" | "PROCESSING" | "COMPLETED" | "NEEDS_REVIEW" | "FAILED";
            /** @example false */
            from_cache: boolean;
            /** @example /api/v1/ocr/documents/7c9e6679-7425-40de-944b-e07fc1f90ae7 */
            location: string;
        };
        OcrBatchItemDto: {
            /**
             * @description Position of the `file` part in the form
             * @example 0
             */
            index: number;
            /** @example invoice-2026-001.png */
            filename: string | null;
            /**
             * @description As for a single upload
             * @example 202
             * @enum {integer}
             */
            status: 200 | 202 | 400 | 413 | 422;
            /** @example 7c9e6679-7425-40de-944b-e07fc1f90ae7 */
            document_id: string | null;
            /** @example OCR_1795310000000_7 */
            robot_id: string | null;
            /** @example false */
            from_cache: boolean;
            /** @example null */
            cached_from: string | null;
            /** @example /api/v1/ocr/documents/7c9e6679-7425-40de-944b-e07fc1f90ae7 */
            location: string | null;
            error: components["schemas"]["OcrErrorDto"] | null;
        };
        OcrBatchDto: {
            documents: components["schemas"]["OcrBatchItemDto"][];
        };
        OcrDocumentSummaryDto: {
            /**
             * Format: uuid
             * @example 7c9e6679-7425-40de-944b-e07fc1f90ae7
             */
            document_id: string;
            /**
             * @example COMPLETED
             * @enum {string}
             */
            status: "PENDING" | "PROCESSING" | "COMPLETED" | "NEEDS_REVIEW" | "FAILED";
            /** @example invoice-2026-001.png */
            filename: string | null;
            /**
             * @description Judged by the content, not the name
             * @example image/png
             */
            media_type: string;
            /** @example 38668 */
            size_bytes: number;
            /** @example a3f1c2d4e5b6a7980c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4 */
            sha256: string;
            options: components["schemas"]["OcrOptionsDto"];
            /** @example 1 */
            page_count: number | null;
            /**
             * @description Document confidence, 0-100
             * @example 91.5
             */
            confidence: number | null;
            /**
             * @description Answered from a finished result of the same bytes and options
             * @example false
             */
            from_cache: boolean;
            /**
             * @description The document whose result this is
             * @example null
             */
            cached_from: string | null;
            /**
             * @description null for a cache hit
             * @example OCR_1795310000000_7
             */
            robot_id: string | null;
            error: components["schemas"]["OcrErrorDto"] | null;
            /** @example 2026-11-22T10:00:00.000Z */
            created_at: string;
            /** @example 2026-11-22T10:00:03.480Z */
            completed_at: string | null;
        };
        OcrDocumentPageDto: {
            /**
             * @description cursor of the next page; null on the last page
             * @example MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy
             */
            next_cursor: string | null;
            items: components["schemas"]["OcrDocumentSummaryDto"][];
        };
        BoxDto: {
            /**
             * @description left, in page pixels (PDF points for a text layer)
             * @example 30
             */
            x0: number;
            /** @example 643 */
            y0: number;
            /** @example 166 */
            x1: number;
            /** @example 655 */
            y1: number;
        };
        ReviewFieldDto: {
            /**
             * @description the field in doubt
             * @example iban
             */
            name: string;
            /**
             * @description what extraction read; null when nothing was found
             * @example US1234567890
             */
            value: (string | number) | null;
            /**
             * @description 0-1: OCR confidence of its words combined with the checks
             * @example 0.45
             */
            confidence: number;
            /**
             * @description why it is in doubt: failed checks, low confidence, not found
             * @example [
             *       "iban_checksum failed",
             *       "confidence 0.45 below 0.8"
             *     ]
             */
            reasons: string[];
            /**
             * @description the page it was read on
             * @example 1
             */
            page?: number;
            /** @description where on the page */
            box?: components["schemas"]["BoxDto"];
        };
        ReviewSubjectDto: {
            /** @description only the doubtful fields */
            fields: components["schemas"]["ReviewFieldDto"][];
            /**
             * @description who it is about
             * @example Azure Interior
             */
            vendor?: string | null;
            /**
             * @description every value extracted, for context
             * @example {
             *       "invoice_number": "INV/2023/03/0008",
             *       "total": 279.84,
             *       "iban": "US1234567890"
             *     }
             */
            all_fields?: {
                [key: string]: unknown;
            };
        };
        ReviewDto: {
            /**
             * Format: uuid
             * @example 0b9d4f5e-4f7c-4a8e-9d6c-2f1e3a4b5c6d
             */
            review_id: string;
            /**
             * @description what is reviewed: ocr_field (OCR fields) or email_class (an email's class)
             * @example ocr_field
             */
            kind: string;
            /**
             * @example PENDING
             * @enum {string}
             */
            status: "PENDING" | "RESOLVED" | "DISMISSED";
            /**
             * Format: uuid
             * @example 5f0c7c1e-8d2b-4c55-9a43-3e2f1b0a9c8d
             */
            document_id: string | null;
            /**
             * @description the document the values came from: its pages, words and boxes
             * @example /api/v1/ocr/documents/5f0c7c1e-8d2b-4c55-9a43-3e2f1b0a9c8d
             */
            document_url: string | null;
            /**
             * Format: uuid
             * @description the email, for email_class
             * @example null
             */
            email_id: string | null;
            /**
             * @description the email: its text, extraction and audit
             * @example null
             */
            email_url: string | null;
            /** @example OCR_1764892800000_1 */
            robot_id: string | null;
            subject: components["schemas"]["ReviewSubjectDto"];
            /**
             * @description the corrected values, once resolved
             * @example null
             */
            corrections: {
                [key: string]: unknown;
            } | null;
            /**
             * @description the reviewer's API key prefix
             * @example null
             */
            reviewed_by: string | null;
            /** @example 2026-12-02T09:00:00.000Z */
            created_at: string;
            /** @example null */
            resolved_at: string | null;
        };
        ReviewPageDto: {
            /**
             * @description cursor of the next page; null on the last page
             * @example MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy
             */
            next_cursor: string | null;
            items: components["schemas"]["ReviewDto"][];
        };
        AnswerReviewDto: {
            /**
             * @description field name -> corrected value (ISO dates, numeric amounts, checksum-valid IBAN and tax ids)
             * @example {
             *       "iban": "ES9121000418450200051332",
             *       "issue_date": "2023-03-20"
             *     }
             */
            fields?: {
                [key: string]: unknown;
            };
            /**
             * @description true: the values stand as extracted
             * @example true
             */
            dismiss?: boolean;
        };
        ProbeDto: {
            /**
             * @example up
             * @enum {string}
             */
            status: "up" | "down";
            /**
             * @description Why it is down
             * @example database unreachable
             */
            message?: string;
            /** @example 2026-11-23T09:00:00.000Z */
            checked_at: string;
            /** @example 1.25 */
            duration_ms: number;
        };
        HealthReportDto: {
            /**
             * @example ok
             * @enum {string}
             */
            status: "ok";
            /**
             * @description The probes that are up
             * @example {
             *       "database": {
             *         "status": "up",
             *         "engine": "postgresql",
             *         "checked_at": "2026-11-23T09:00:00.000Z"
             *       }
             *     }
             */
            info: {
                [key: string]: components["schemas"]["ProbeDto"];
            };
            /**
             * @description The probes that are down: none in a 200
             * @example {}
             */
            error: {
                [key: string]: components["schemas"]["ProbeDto"];
            };
            /**
             * @description Every probe
             * @example {
             *       "database": {
             *         "status": "up",
             *         "engine": "postgresql",
             *         "checked_at": "2026-11-23T09:00:00.000Z"
             *       }
             *     }
             */
            details: {
                [key: string]: components["schemas"]["ProbeDto"];
            };
        };
        ActiveRobotsDto: {
            /**
             * @description PENDING, PROCESSING and RETRYING
             * @example 12
             */
            total_active: number;
            /**
             * @example {
             *       "PENDING": 4,
             *       "PROCESSING": 7,
             *       "RETRYING": 1
             *     }
             */
            by_status: {
                [key: string]: number;
            };
            /** @example 7 */
            running_executions: number;
            /**
             * @description Claimable now
             * @example 3
             */
            queue_depth: number;
            /**
             * @description null when none is pending
             * @example 42
             */
            oldest_pending_seconds: number | null;
        };
        ModuleFiguresDto: {
            /** @example LegalModule */
            module_name: string;
            /** @example 1.2.0 */
            module_version: string;
            /**
             * @example HEALTHY
             * @enum {string}
             */
            health_status: "HEALTHY" | "DEGRADED" | "UNHEALTHY" | "UNKNOWN";
            /** @example 0.92 */
            performance_score: number | null;
            /**
             * @example HIGH
             * @enum {string|null}
             */
            performance_tier: "HIGH" | "MEDIUM" | "LOW" | "CRITICAL" | null;
            /** @example 0.3 */
            capacity_utilization: number | null;
            /**
             * @example CLOSED
             * @enum {string}
             */
            breaker_state: "CLOSED" | "OPEN" | "HALF_OPEN";
            /** @example 0 */
            consecutive_failures: number;
            /** @example 2026-11-23T09:00:00.000Z */
            last_health_check: string | null;
            /** @example null */
            last_error_message: string | null;
        };
        ModuleHealthDto: {
            /**
             * @description Active modules
             * @example 3
             */
            total: number;
            /**
             * @example {
             *       "HEALTHY": 2,
             *       "DEGRADED": 1,
             *       "UNHEALTHY": 0,
             *       "UNKNOWN": 0
             *     }
             */
            by_health: {
                [key: string]: number;
            };
            modules: components["schemas"]["ModuleFiguresDto"][];
        };
        OperationStatsDto: {
            /**
             * @example robot_creation
             * @enum {string}
             */
            operation: "robot_creation" | "status_read" | "module_selection" | "progress_tracking" | "health_check" | "database_query" | "cache_operation";
            /** @example 1200 */
            count: number;
            /**
             * @description Share not answered 5xx; 1 when there were none
             * @example 0.998
             */
            success_rate: number;
            /**
             * @description Calls per second over the window
             * @example 20
             */
            throughput: number;
            /** @example 3.1 */
            p50_ms: number;
            /** @example 9.8 */
            p95_ms: number;
            /** @example 21.4 */
            p99_ms: number;
        };
        MinuteDto: {
            /** @example 2026-11-23T09:00:00Z */
            minute: string;
            /** @example 40 */
            robots_created: number;
            /** @example 38 */
            robots_completed: number;
            /** @example 1 */
            robots_failed: number;
            /**
             * @description This instance's; null: not recorded
             * @example 900
             */
            requests: number | null;
            /** @example 9.8 */
            p95_ms: number | null;
        };
        PerformanceMetricsDto: {
            /** @example 60 */
            window_seconds: number;
            /** @description This instance's rolling window */
            operations: components["schemas"]["OperationStatsDto"][];
            /** @description Sixty minutes, oldest first */
            last_hour: components["schemas"]["MinuteDto"][];
        };
        ErrorRatesDto: {
            /** @example 0.002 */
            http_error_rate: number;
            /** @example 0.026 */
            robot_failure_rate_1h: number;
            /**
             * @description Robots failed in the last hour
             * @example {
             *       "EXTERNAL_API": 1
             *     }
             */
            by_error_category: {
                [key: string]: number;
            };
        };
        CacheStatisticsDto: {
            /**
             * @example redis
             * @enum {string}
             */
            backend: "redis" | "memory";
            /** @example 900 */
            hits: number;
            /** @example 100 */
            misses: number;
            /** @example 0.9 */
            hit_rate: number;
        };
        PoolFiguresDto: {
            /**
             * @description Connections open
             * @example 3
             */
            total: number;
            /** @example 2 */
            idle: number;
            /**
             * @description Callers queued for a connection
             * @example 0
             */
            waiting: number;
            /** @example 10 */
            max: number;
        };
        PoolsDto: {
            write: components["schemas"]["PoolFiguresDto"];
            read: components["schemas"]["PoolFiguresDto"];
        };
        DatabaseStatusDto: {
            /**
             * @example up
             * @enum {string}
             */
            status: "up" | "down";
            /**
             * @example postgresql
             * @enum {string|null}
             */
            engine: "pglite" | "postgresql" | null;
            pools: components["schemas"]["PoolsDto"] | null;
            /**
             * @example CLOSED
             * @enum {string}
             */
            breaker_state: "CLOSED" | "OPEN" | "HALF_OPEN";
            /** @example 2026-11-23T09:00:00.000Z */
            checked_at: string;
        };
        ResourceUsageDto: {
            /** @example 180 */
            rss_mb: number;
            /** @example 90 */
            heap_used_mb: number;
            /**
             * @description CPU over the last refresh interval, % of one core
             * @example 12.5
             */
            cpu_percent: number;
            /**
             * @description p99 over the last refresh interval
             * @example 1.2
             */
            event_loop_lag_ms: number;
            /** @example 3600 */
            uptime_seconds: number;
        };
        AlertDto: {
            /** @example 42 */
            alert_id: number;
            /**
             * @example module_unhealthy
             * @enum {string}
             */
            rule: "response_time" | "error_rate" | "cache_hit_rate" | "db_pool_usage" | "db_breaker_open" | "module_unhealthy" | "module_breaker_open" | "pending_age" | "notification_dead_letters" | "notification_queue_age" | "mailbox_unhealthy" | "backup_failing" | "sla_at_risk";
            /**
             * @description A module name, an instance id, or 'fleet'
             * @example OcrModule
             */
            subject: string;
            /**
             * @example WARNING
             * @enum {string}
             */
            severity: "WARNING" | "CRITICAL";
            /**
             * @example FIRING
             * @enum {string}
             */
            state: "FIRING" | "RESOLVED";
            /** @example module OcrModule is UNHEALTHY: out of routing */
            message: string;
            /**
             * @description The measured figure when it fired (1 for a state such as OPEN)
             * @example 812.5
             */
            value: number;
            /** @example 500 */
            threshold: number;
            /** @example 2026-11-23T09:00:00.000Z */
            fired_at: string;
            /** @example null */
            resolved_at: string | null;
            /** @example 2026-11-23T09:05:00.000Z */
            last_evaluated_at: string;
        };
        ActiveAlertsDto: {
            /** @example 1 */
            firing: number;
            /** @example 0 */
            critical: number;
            items: components["schemas"]["AlertDto"][];
        };
        ChannelHourDto: {
            /** @example webhook */
            channel: string;
            /**
             * @description Sent, of the deliveries created in the last hour
             * @example 1520
             */
            sent: number;
            /**
             * @description Failing and waiting for a retry
             * @example 12
             */
            failed: number;
            /**
             * @description Given up (DEAD)
             * @example 1
             */
            dead: number;
            /**
             * @description Not sent yet (PENDING or SENDING)
             * @example 4
             */
            waiting: number;
        };
        DisabledSubscriptionDto: {
            /** @example 6f1c2a4e-8b9d-4c3e-a1f2-0d9e8c7b6a54 */
            subscription_id: string;
            /** @example webhook */
            channel: string;
            /** @example HTTP 410 Gone: the receiver asked to stop */
            reason: string | null;
            /** @example 2026-11-23T08:42:10Z */
            disabled_at: string;
        };
        NotificationsBlockDto: {
            /** @example 2026-11-23T09:00:00.000Z */
            computed_at: string;
            /** @description Deliveries created in the last hour, by channel and state */
            last_hour: components["schemas"]["ChannelHourDto"][];
            /**
             * @description Deliveries due and waiting for a send, by channel
             * @example {
             *       "webhook": 3,
             *       "email": 0
             *     }
             */
            queue_depth: {
                [key: string]: number;
            };
            /**
             * @description How long the most overdue delivery has waited past its due time
             * @example 1.4
             */
            oldest_pending_seconds: number;
            /** @example 2 */
            disabled_subscriptions: number;
            /** @description The five most recently disabled */
            recently_disabled: components["schemas"]["DisabledSubscriptionDto"][];
        };
        DashboardDto: {
            /** @example 2026-11-23T09:00:05.000Z */
            generated_at: string;
            /**
             * @description When the database figures were computed
             * @example 2026-11-23T09:00:00.000Z
             */
            fleet_figures_at: string;
            /** @example api-1:4242:1a2b3c4d */
            instance_id: string;
            /**
             * @example HEALTHY
             * @enum {string}
             */
            system_status: "HEALTHY" | "DEGRADED" | "UNHEALTHY";
            active_robots: components["schemas"]["ActiveRobotsDto"];
            module_health: components["schemas"]["ModuleHealthDto"];
            performance_metrics: components["schemas"]["PerformanceMetricsDto"];
            error_rates: components["schemas"]["ErrorRatesDto"];
            cache_statistics: components["schemas"]["CacheStatisticsDto"];
            database_status: components["schemas"]["DatabaseStatusDto"];
            resource_usage: components["schemas"]["ResourceUsageDto"];
            active_alerts: components["schemas"]["ActiveAlertsDto"];
            notifications: components["schemas"]["NotificationsBlockDto"];
        };
        DatabaseProbeDto: {
            /**
             * @example up
             * @enum {string}
             */
            status: "up" | "down";
            /**
             * @description Why it is down
             * @example database unreachable
             */
            message?: string;
            /** @example 2026-11-23T09:00:00.000Z */
            checked_at: string;
            /** @example 1.25 */
            duration_ms: number;
            /**
             * @example postgresql
             * @enum {string}
             */
            engine?: "pglite" | "postgresql";
            pools?: components["schemas"]["PoolsDto"];
        };
        CacheProbeDto: {
            /**
             * @example up
             * @enum {string}
             */
            status: "up" | "down";
            /**
             * @description Why it is down
             * @example database unreachable
             */
            message?: string;
            /** @example 2026-11-23T09:00:00.000Z */
            checked_at: string;
            /** @example 1.25 */
            duration_ms: number;
            /**
             * @example redis
             * @enum {string}
             */
            backend?: "redis" | "memory";
        };
        DiskProbeDto: {
            /**
             * @example up
             * @enum {string}
             */
            status: "up" | "down";
            /**
             * @description Why it is down
             * @example database unreachable
             */
            message?: string;
            /** @example 2026-11-23T09:00:00.000Z */
            checked_at: string;
            /** @example 1.25 */
            duration_ms: number;
            /** @example 51200 */
            free_mb?: number;
            /** @example 102400 */
            total_mb?: number;
            /** @example 0.5 */
            free_ratio?: number;
        };
        MemoryProbeDto: {
            /**
             * @example up
             * @enum {string}
             */
            status: "up" | "down";
            /**
             * @description Why it is down
             * @example database unreachable
             */
            message?: string;
            /** @example 2026-11-23T09:00:00.000Z */
            checked_at: string;
            /** @example 1.25 */
            duration_ms: number;
            /** @example 180 */
            rss_mb?: number;
            /** @example 1536 */
            limit_mb?: number;
        };
        EventLoopProbeDto: {
            /**
             * @example up
             * @enum {string}
             */
            status: "up" | "down";
            /**
             * @description Why it is down
             * @example database unreachable
             */
            message?: string;
            /** @example 2026-11-23T09:00:00.000Z */
            checked_at: string;
            /** @example 1.25 */
            duration_ms: number;
            /** @example 2.4 */
            lag_p99_ms?: number;
            /** @example 500 */
            max_ms?: number;
        };
        ProbesDto: {
            database: components["schemas"]["DatabaseProbeDto"];
            cache: components["schemas"]["CacheProbeDto"];
            disk: components["schemas"]["DiskProbeDto"];
            memory: components["schemas"]["MemoryProbeDto"];
            event_loop: components["schemas"]["EventLoopProbeDto"];
        };
        ModuleAttentionDto: {
            /** @example 3 */
            total: number;
            /**
             * @example {
             *       "HEALTHY": 2,
             *       "DEGRADED": 1,
             *       "UNHEALTHY": 0,
             *       "UNKNOWN": 0
             *     }
             */
            by_health: {
                [key: string]: number;
            };
            /** @description Not HEALTHY, or with a breaker not CLOSED */
            attention: components["schemas"]["ModuleFiguresDto"][];
        };
        DetailedHealthDto: {
            /**
             * @example DEGRADED
             * @enum {string}
             */
            status: "HEALTHY" | "DEGRADED" | "UNHEALTHY";
            firing_alerts: components["schemas"]["AlertDto"][];
            /** @example api-1:4242:1a2b3c4d */
            instance_id: string;
            /** @example 2026-11-23T09:00:05.000Z */
            checked_at: string;
            probes: components["schemas"]["ProbesDto"];
            /**
             * @example CLOSED
             * @enum {string}
             */
            database_breaker: "CLOSED" | "OPEN" | "HALF_OPEN";
            resource_usage: components["schemas"]["ResourceUsageDto"];
            modules: components["schemas"]["ModuleAttentionDto"];
        };
        AlertPageDto: {
            /**
             * @description cursor of the next page; null on the last page
             * @example MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy
             */
            next_cursor: string | null;
            items: components["schemas"]["AlertDto"][];
        };
        EventTypeDto: {
            /**
             * @example robot.completed
             * @enum {string}
             */
            event_type: "robot.created" | "robot.assigned" | "robot.started" | "robot.progress" | "robot.completed" | "robot.failed" | "robot.retrying" | "robot.cancelled" | "robot.sla_at_risk" | "module.health_changed" | "module.breaker_changed" | "alert.fired" | "alert.resolved" | "subscription.disabled" | "review.resolved" | "email.ingested" | "mailbox.health_changed";
            /** @example 1 */
            version: number;
            /**
             * @example orchestrator
             * @enum {string}
             */
            emitter: "orchestrator" | "registry" | "load-balancer" | "monitoring" | "notification" | "review" | "email";
            /**
             * @description robot events carry robot_id; module and alert events module_name only; subscription events neither; review and email events their robot_id when there is one; mailbox events neither
             * @example robot
             * @enum {string}
             */
            subject: "robot" | "module" | "subscription" | "review" | "email" | "mailbox";
            /** @example The robot finished well. */
            description: string;
            /**
             * @description payload fields (optional ones included), as notification templates name them under data.
             * @example [
             *       "processing_time_ms"
             *     ]
             */
            fields: string[];
        };
        ConsumerDto: {
            /** @example in-process */
            consumer: string;
            /**
             * @description The last event it moved past (event ids are bigints, as strings)
             * @example 1042
             */
            last_event_id: string;
            /**
             * @description Events after its cursor (counted up to 100,000)
             * @example 0
             */
            backlog: number;
            /**
             * @description Events it kept failing, parked for replay
             * @example 0
             */
            parked: number;
            /**
             * @description Failed deliveries of the event right after its cursor
             * @example 0
             */
            failed_attempts: number;
            /**
             * @description When that event is delivered again
             * @example null
             */
            retry_at: string | null;
            /** @example null */
            last_error: string | null;
            /**
             * @description The instance running it now
             * @example host-1:4242
             */
            owner: string | null;
            /** @example 2026-11-22T10:00:10.000Z */
            lease_until: string | null;
            /** @example 2026-11-22T10:00:00.000Z */
            updated_at: string;
        };
        ReplayAnswerDto: {
            /**
             * @description Parked events flagged; the consumer delivers them within about a second
             * @example 1
             */
            flagged: number;
        };
        ParkedEventDto: {
            /** @example notifications */
            consumer: string;
            /** @example 1042 */
            event_id: string;
            /**
             * @example robot.completed
             * @enum {string}
             */
            event_type: "robot.created" | "robot.assigned" | "robot.started" | "robot.progress" | "robot.completed" | "robot.failed" | "robot.retrying" | "robot.cancelled" | "robot.sla_at_risk" | "module.health_changed" | "module.breaker_changed" | "alert.fired" | "alert.resolved" | "subscription.disabled" | "review.resolved" | "email.ingested" | "mailbox.health_changed";
            /** @example 1 */
            event_version: number;
            /** @example LEGAL_1795310000000_42 */
            robot_id: string | null;
            /** @example LegalModule */
            module_name: string | null;
            /**
             * @example {
             *       "processing_time_ms": 1850
             *     }
             */
            payload: {
                [key: string]: unknown;
            };
            /** @example 2026-11-22T10:00:00.000Z */
            created_at: string;
            /**
             * @description Deliveries that failed
             * @example 5
             */
            attempts: number;
            /**
             * @description The last failure, as the consumer threw it
             * @example Error: connect ECONNREFUSED
             */
            last_error: string;
            /** @example 2026-11-22T10:05:00.000Z */
            parked_at: string;
            /**
             * @description Set while a replay is pending
             * @example null
             */
            replay_requested_at: string | null;
        };
        TypeForecastDto: {
            /** @example invoice_extract */
            robot_type: string;
            /**
             * @example {
             *       "queued": 420,
             *       "processing": 10,
             *       "oldest_queued_seconds": 312.5
             *     }
             */
            queue: Record<string, unknown>;
            /**
             * @description per_hour_recent (last 15 min x 4), last_hour, by_hour_of_day (24 UTC hours, last 7 days), forecast_next_hour
             * @example {
             *       "per_hour_recent": 600,
             *       "last_hour": 580,
             *       "by_hour_of_day": [
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100,
             *         100
             *       ],
             *       "forecast_next_hour": 350
             *     }
             */
            arrivals: Record<string, unknown>;
            /**
             * @description Each module declaring the type: eligible for routing, slots, running, completions and durations over the last hour
             * @example [
             *       {
             *         "module_name": "InvoiceBot",
             *         "eligible": true,
             *         "slots": 10,
             *         "running": 10,
             *         "completed_last_hour": 900,
             *         "mean_ms": 38000,
             *         "p50_ms": 35000,
             *         "p90_ms": 61000
             *       }
             *     ]
             */
            modules: Record<string, unknown>[];
            /**
             * @description Robots per hour the eligible modules finish
             * @example 947.4
             */
            throughput_per_hour: number;
            /**
             * @description observed: recent completions while backlogged; capacity: slots x 3600 / mean duration; none: nothing can take it
             * @example observed
             * @enum {string}
             */
            throughput_basis: "observed" | "capacity" | "none";
            /**
             * @example {
             *       "queued_in_1h": 0,
             *       "drain_seconds": 2523.1,
             *       "drains_within_target": true
             *     }
             */
            forecast: Record<string, unknown>;
            /**
             * @example {
             *       "target_drain_seconds": 3600,
             *       "additional_slots": 0,
             *       "module_name": null,
             *       "reason": "drains within the target"
             *     }
             */
            capacity: Record<string, unknown>;
        };
        BottleneckDto: {
            /**
             * @example imbalanced_modules
             * @enum {string}
             */
            kind: "no_eligible_module" | "arrivals_exceed_throughput" | "imbalanced_modules";
            /** @example invoice_extract */
            robot_type: string;
            /** @example InvoiceBot */
            module_name: string | null;
            /** @example InvoiceBot is saturated (10/10) while InvoiceBotB stay(s) idle, with invoice_extract queued */
            detail: string;
        };
        ForecastDto: {
            /** @example 2026-12-04T10:00:00.000Z */
            generated_at: string;
            /** @example 3600 */
            horizon_seconds: number;
            /**
             * @description Throughput is measured over completions this recent
             * @example 300
             */
            recent_window_seconds: number;
            robot_types: components["schemas"]["TypeForecastDto"][];
            bottlenecks: components["schemas"]["BottleneckDto"][];
        };
        BackupDto: {
            /**
             * Format: uuid
             * @example 381781e6-1b03-4562-97da-cae58c7de80f
             */
            backup_id: string;
            /**
             * @description pg_dump -Fc of PostgreSQL, or the PGlite data folder
             * @example pg_dump
             * @enum {string}
             */
            kind: "pg_dump" | "pglite_datadir";
            /**
             * @example manual
             * @enum {string}
             */
            trigger: "schedule" | "manual";
            /**
             * @example SUCCEEDED
             * @enum {string}
             */
            status: "RUNNING" | "SUCCEEDED" | "FAILED";
            /**
             * @description In BACKUP_DIR, with its manifest beside it (<file>.json)
             * @example botfleet-botfleet-20261204T020000Z-381781e6.dump
             */
            file_name: string | null;
            /** @example 99566 */
            size_bytes: number | null;
            /**
             * @description SHA-256 of the file, hex
             * @example 2d7fb131a7043f67ce3c1df75591b5feac26a45aaf8a74365f2ea44f1062ec28
             */
            checksum_sha256: string | null;
            /** @example 2754 */
            duration_ms: number | null;
            /**
             * @description Restored into a scratch database and every table matched its row count
             * @example true
             */
            verified: boolean;
            /**
             * @description listed_entries, drill (passed | failed | skipped), drill_ms, tables_compared, rows_compared, mismatches, reason
             * @example {
             *       "listed_entries": 226,
             *       "drill": "passed",
             *       "drill_ms": 1235,
             *       "tables_compared": 29,
             *       "rows_compared": 4210
             *     }
             */
            verification?: Record<string, unknown> | null;
            /** @example null */
            error: string | null;
            /**
             * @description Every write acknowledged before this instant is in the backup
             * @example 2026-12-04T02:00:00.095Z
             */
            snapshot_at: string | null;
            /** @example 2026-12-04T02:00:00.073Z */
            started_at: string;
            /** @example 2026-12-04T02:00:02.837Z */
            finished_at: string | null;
            /**
             * @description When retention deleted the file
             * @example null
             */
            file_deleted_at: string | null;
            /**
             * @description Prefix of the key that asked for it (manual runs)
             * @example 0000ad01
             */
            requested_by: string | null;
        };
        BackupPageDto: {
            /**
             * @description cursor of the next page; null on the last page
             * @example MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy
             */
            next_cursor: string | null;
            items: components["schemas"]["BackupDto"][];
        };
        AddExampleDto: {
            /**
             * @description the whole message as RFC 822 text; or send text (and subject, from, attachment_types) instead
             * @example From: billing@bank.example
             *     Subject: Invoice 42
             *
             *     Please find the invoice attached.
             */
            raw?: string;
            /** @example Invoice 42 */
            subject?: string;
            /**
             * @description the sender's address
             * @example billing@bank.example
             */
            from?: string;
            /**
             * @description the plain-text body
             * @example Please find the invoice attached.
             */
            text?: string;
            /**
             * @example [
             *       "application/pdf"
             *     ]
             */
            attachment_types?: string[];
            /**
             * @description the class this email belongs to
             * @example invoice
             */
            label: string;
        };
        AddedExampleDto: {
            /**
             * Format: uuid
             * @example 3f1c2b7a-6d5e-4c8b-9a1f-0e2d3c4b5a69
             */
            example_id: string;
            /** @example invoice */
            label: string;
            /**
             * @description the email content's SHA-256: one example per content
             * @example a3f5...
             */
            content_sha256: string;
            /**
             * @example api
             * @enum {string}
             */
            source: "api" | "feedback" | "review";
            /**
             * Format: uuid
             * @example null
             */
            email_id: string | null;
            /**
             * @description the creator's key prefix
             * @example 0000ad01
             */
            created_by: string | null;
            /**
             * @description when added, or last relabelled
             * @example 2026-12-02T09:00:00.000Z
             */
            created_at: string;
            /**
             * @description false: an example of the same content existed and was relabelled
             * @example true
             */
            created: boolean;
        };
        BulkAddExamplesDto: {
            examples: components["schemas"]["AddExampleDto"][];
        };
        BulkAddedExamplesDto: {
            /** @example 998 */
            created: number;
            /**
             * @description examples whose content existed: their label was replaced
             * @example 2
             */
            replaced: number;
            /** @description in the order sent */
            items: components["schemas"]["AddedExampleDto"][];
        };
        ExampleDto: {
            /**
             * Format: uuid
             * @example 3f1c2b7a-6d5e-4c8b-9a1f-0e2d3c4b5a69
             */
            example_id: string;
            /** @example invoice */
            label: string;
            /**
             * @description the email content's SHA-256: one example per content
             * @example a3f5...
             */
            content_sha256: string;
            /**
             * @example api
             * @enum {string}
             */
            source: "api" | "feedback" | "review";
            /**
             * Format: uuid
             * @example null
             */
            email_id: string | null;
            /**
             * @description the creator's key prefix
             * @example 0000ad01
             */
            created_by: string | null;
            /**
             * @description when added, or last relabelled
             * @example 2026-12-02T09:00:00.000Z
             */
            created_at: string;
        };
        ExamplePageDto: {
            /**
             * @description cursor of the next page; null on the last page
             * @example MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy
             */
            next_cursor: string | null;
            items: components["schemas"]["ExampleDto"][];
            /**
             * @description examples per label, over all of them (not only this page)
             * @example {
             *       "invoice": 120,
             *       "spam": 40
             *     }
             */
            counts: {
                [key: string]: number;
            };
            /** @example 160 */
            total: number;
        };
        ModelVersionDto: {
            /** @example 3 */
            version: number;
            /**
             * @example READY
             * @enum {string}
             */
            status: "TRAINING" | "READY" | "ACTIVE" | "RETIRED" | "FAILED";
            /**
             * @example [
             *       "invoice",
             *       "spam",
             *       "support"
             *     ]
             */
            classes: string[];
            /** @example 818 */
            example_count: number;
            /**
             * @description 5-fold stratified cross-validation: accuracy, macro_f1, per_class, coverage (accuracy on the most confident share), thresholds per class, calibration_error; a scheduled retrain adds its verdict as retrain
             * @example {
             *       "accuracy": 0.67,
             *       "macro_f1": 0.41,
             *       "baseline_majority_accuracy": 0.46,
             *       "coverage": [
             *         {
             *           "coverage": 0.5,
             *           "accuracy": 0.82,
             *           "min_confidence": 0.71
             *         },
             *         {
             *           "coverage": 0.8,
             *           "accuracy": 0.73,
             *           "min_confidence": 0.48
             *         }
             *       ]
             *     }
             */
            metrics: {
                [key: string]: unknown;
            } | null;
            /**
             * @description why it FAILED
             * @example null
             */
            error: string | null;
            /** @example 0000ad01 */
            created_by: string | null;
            /** @example 2026-12-02T09:00:00.000Z */
            created_at: string;
            /** @example 2026-12-02T09:00:12.000Z */
            trained_at: string | null;
            /** @example null */
            activated_at: string | null;
        };
        ModelVersionPageDto: {
            /**
             * @description cursor of the next page; null on the last page
             * @example MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy
             */
            next_cursor: string | null;
            items: components["schemas"]["ModelVersionDto"][];
        };
        EmailInputDto: {
            /**
             * @description the whole message as RFC 822 text; or send text (and subject, from, attachment_types) instead
             * @example From: billing@bank.example
             *     Subject: Invoice 42
             *
             *     Please find the invoice attached.
             */
            raw?: string;
            /** @example Invoice 42 */
            subject?: string;
            /**
             * @description the sender's address
             * @example billing@bank.example
             */
            from?: string;
            /**
             * @description the plain-text body
             * @example Please find the invoice attached.
             */
            text?: string;
            /**
             * @example [
             *       "application/pdf"
             *     ]
             */
            attachment_types?: string[];
        };
        FiredRuleDto: {
            /**
             * Format: uuid
             * @example 9b2e4c1a-7f3d-4e6b-8a5c-1d0f2e3b4a59
             */
            rule_id: string;
            /** @example bank invoices */
            name: string;
            /**
             * @example override
             * @enum {string}
             */
            mode: "override" | "fallback";
        };
        ClassRouteDto: {
            /**
             * @description null: the class creates no robot
             * @example invoice_processing
             */
            robot_type: string | null;
            /** @example NORMAL */
            priority: string;
        };
        EmailClassificationDto: {
            /**
             * @description null: no model is active and no rule held
             * @example invoice
             */
            class_name: string | null;
            /**
             * @description 0-1; a rule's decision is 1
             * @example 0.93
             */
            confidence: number;
            /**
             * @description every class's probability from the active model (empty without one)
             * @example {
             *       "invoice": 0.93,
             *       "spam": 0.07
             *     }
             */
            probabilities: {
                [key: string]: number;
            };
            /**
             * @example model
             * @enum {string}
             */
            decided_by: "model" | "rule" | "none";
            /** @description the rule that decided, if one did */
            rule: components["schemas"]["FiredRuleDto"] | null;
            /** @example 3 */
            model_version: number | null;
            /**
             * @description the class's min_confidence, else EMAIL_MIN_CONFIDENCE
             * @example 0.6
             */
            threshold: number;
            /**
             * @description confidence below the threshold, or no class: a person decides
             * @example false
             */
            needs_review: boolean;
            /** @description the class's route; null when the class has none */
            route: components["schemas"]["ClassRouteDto"] | null;
            /**
             * @description answered from the cache
             * @example false
             */
            cached: boolean;
            /**
             * @description the content hash the result is cached by
             * @example 5d41402abc4b2a76b9719d911017c592...
             */
            content_sha256: string;
        };
        EmailClassDto: {
            /** @example invoice */
            class_name: string;
            /** @example invoice_processing */
            robot_type: string | null;
            /** @example 0.8 */
            min_confidence: number;
            /**
             * @example NORMAL
             * @enum {string}
             */
            priority: "LOW" | "NORMAL" | "HIGH" | "CRITICAL";
            /** @example Supplier invoices to pay */
            description: string | null;
            /** @example 2026-12-02T09:00:00.000Z */
            created_at: string;
            /** @example 2026-12-02T09:00:00.000Z */
            updated_at: string;
        };
        EmailClassListDto: {
            /** @description by name */
            items: components["schemas"]["EmailClassDto"][];
        };
        PutEmailClassDto: {
            /**
             * @description the robot type an email of this class becomes; null: none (spam, newsletters)
             * @example invoice_processing
             */
            robot_type: string | null;
            /**
             * @description below this confidence a person reviews the email; EMAIL_MIN_CONFIDENCE by default
             * @example 0.8
             */
            min_confidence?: number;
            /**
             * @default NORMAL
             * @enum {string}
             */
            priority?: "LOW" | "NORMAL" | "HIGH" | "CRITICAL";
            /** @example Supplier invoices to pay */
            description?: string | null;
        };
        RuleConditionsDto: {
            /**
             * @description the sender's address, or a glob (* and ?)
             * @example *@bank.example
             */
            from?: string;
            /**
             * @description the sender's domain or a subdomain of it
             * @example bank.example
             */
            domain?: string;
            /**
             * @description a regular expression found in the subject (case-insensitive, Unicode)
             * @example ^(invoice|factura)\b
             */
            subject_pattern?: string;
            /**
             * @description a regular expression found in the first 10,000 characters of the text; no nested quantifiers, repeated alternations, backreferences, nor more than 3 unbounded quantifiers
             * @example amount due
             */
            body_pattern?: string;
            /**
             * @description an attachment of this media type, or family (image/*)
             * @example application/pdf
             */
            has_attachment_type?: string;
        };
        EmailRuleDto: {
            /**
             * Format: uuid
             * @example 9b2e4c1a-7f3d-4e6b-8a5c-1d0f2e3b4a59
             */
            rule_id: string;
            /** @example bank invoices */
            name: string;
            /** @example 10 */
            position: number;
            conditions: components["schemas"]["RuleConditionsDto"];
            /** @example invoice */
            class_name: string;
            /**
             * @example override
             * @enum {string}
             */
            mode: "override" | "fallback";
            /** @example true */
            enabled: boolean;
            /** @example 0000ad01 */
            created_by: string | null;
            /** @example 2026-12-02T09:00:00.000Z */
            created_at: string;
            /** @example 2026-12-02T09:00:00.000Z */
            updated_at: string;
        };
        EmailRuleListDto: {
            /** @description in the order they are consulted */
            items: components["schemas"]["EmailRuleDto"][];
        };
        CreateRuleDto: {
            /**
             * @description unique, case-insensitive
             * @example bank invoices
             */
            name: string;
            /**
             * @description rules are consulted by position, lowest first
             * @default 100
             * @example 10
             */
            position?: number;
            /** @description every condition given must hold; at least one */
            conditions: components["schemas"]["RuleConditionsDto"];
            /**
             * @description the class the rule decides
             * @example invoice
             */
            class_name: string;
            /**
             * @description override: decides whatever the model says; fallback: decides only when the model is unsure or absent
             * @default override
             * @enum {string}
             */
            mode?: "override" | "fallback";
            /** @default true */
            enabled?: boolean;
        };
        UpdateRuleDto: {
            /** @example bank invoices */
            name?: string;
            /** @example 10 */
            position?: number;
            conditions?: components["schemas"]["RuleConditionsDto"];
            /** @example invoice */
            class_name?: string;
            /** @enum {string} */
            mode?: "override" | "fallback";
            enabled?: boolean;
        };
        IngestAnswerDto: {
            /**
             * Format: uuid
             * @example 5d1f0e2a-8c3b-4f6a-9e7d-2b4c6a8e0f13
             */
            email_id: string | null;
            /**
             * @description DUPLICATE: the same Message-ID or content was taken in before (email_id is that one)
             * @example ROBOT_CREATED
             * @enum {string}
             */
            status: "ROBOT_CREATED" | "NEEDS_REVIEW" | "NO_ROBOT" | "REJECTED" | "DUPLICATE";
            /** @example INV_1764979200000_1 */
            robot_id: string | null;
            /**
             * @description why it was refused
             * @example not_an_email: no header block
             */
            reason?: string;
        };
        EmailAddressDto: {
            /** @example ap@vendor.example */
            address: string;
            /** @example Accounts Payable */
            name: string | null;
        };
        EmailSummaryDto: {
            /**
             * Format: uuid
             * @example 5d1f0e2a-8c3b-4f6a-9e7d-2b4c6a8e0f13
             */
            email_id: string;
            /** @example CAF=x7@mail.vendor.example */
            message_id: string | null;
            /**
             * @example imap
             * @enum {string}
             */
            source: "imap" | "upload" | "mbox";
            /**
             * Format: uuid
             * @example 0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f
             */
            mailbox_id: string | null;
            /**
             * @example ROBOT_CREATED
             * @enum {string}
             */
            status: "ROBOT_CREATED" | "NEEDS_REVIEW" | "NO_ROBOT" | "REJECTED";
            /**
             * @description why it was refused (REJECTED)
             * @example null
             */
            reject_reason: string | null;
            from: components["schemas"]["EmailAddressDto"] | null;
            /** @example Invoice INV-2026-0042 */
            subject: string | null;
            /**
             * @description its Date header
             * @example 2026-12-02T08:59:41.000Z
             */
            sent_at: string | null;
            /**
             * @description the thread's root Message-ID
             * @example CAF=x7@mail.vendor.example
             */
            thread_id: string | null;
            /**
             * @description the class chosen at intake
             * @example invoice
             */
            class_name: string | null;
            /** @example 0.93 */
            confidence: number | null;
            /**
             * @description a person's class, when one was given
             * @example null
             */
            label: string | null;
            /**
             * @description PII was found (pii_tags names its kinds)
             * @example true
             */
            contains_sensitive_data: boolean;
            /**
             * @example [
             *       "iban",
             *       "phone"
             *     ]
             */
            pii_tags: string[];
            /** @example INV_1764979200000_1 */
            robot_id: string | null;
            /**
             * @description the raw message
             * @example 48213
             */
            size_bytes: number;
            /** @example 2026-12-02T09:00:00.000Z */
            received_at: string;
        };
        EmailPageDto: {
            /**
             * @description cursor of the next page; null on the last page
             * @example MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy
             */
            next_cursor: string | null;
            items: components["schemas"]["EmailSummaryDto"][];
        };
        EmailAttachmentDto: {
            /**
             * @description its place among the attachments, from 0
             * @example 0
             */
            position: number;
            /** @example INV-2026-0042.pdf */
            filename: string | null;
            /** @example application/pdf */
            media_type: string;
            /** @example 40112 */
            size_bytes: number;
            /** @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 */
            sha256: string;
            /**
             * Format: uuid
             * @description its OCR document, once handed to OCR
             * @example 7c9e6679-7425-40de-944b-e07fc1f90ae7
             */
            ocr_document_id: string | null;
            /** @example /api/v1/emails/5d1f0e2a-8c3b-4f6a-9e7d-2b4c6a8e0f13/attachments/0 */
            url: string;
        };
        EmailAuditDto: {
            /** @example classify */
            step: string;
            /** @example ok */
            outcome: string;
            /**
             * @example {
             *       "class_name": "invoice",
             *       "confidence": 0.93
             *     }
             */
            detail: {
                [key: string]: unknown;
            };
            /**
             * @description the key prefix of a person's step
             * @example null
             */
            actor: string | null;
            /** @example 2026-12-02T09:00:00.000Z */
            at: string;
        };
        EmailDto: {
            /**
             * Format: uuid
             * @example 5d1f0e2a-8c3b-4f6a-9e7d-2b4c6a8e0f13
             */
            email_id: string;
            /** @example CAF=x7@mail.vendor.example */
            message_id: string | null;
            /**
             * @example imap
             * @enum {string}
             */
            source: "imap" | "upload" | "mbox";
            /**
             * Format: uuid
             * @example 0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f
             */
            mailbox_id: string | null;
            /**
             * @example ROBOT_CREATED
             * @enum {string}
             */
            status: "ROBOT_CREATED" | "NEEDS_REVIEW" | "NO_ROBOT" | "REJECTED";
            /**
             * @description why it was refused (REJECTED)
             * @example null
             */
            reject_reason: string | null;
            from: components["schemas"]["EmailAddressDto"] | null;
            /** @example Invoice INV-2026-0042 */
            subject: string | null;
            /**
             * @description its Date header
             * @example 2026-12-02T08:59:41.000Z
             */
            sent_at: string | null;
            /**
             * @description the thread's root Message-ID
             * @example CAF=x7@mail.vendor.example
             */
            thread_id: string | null;
            /**
             * @description the class chosen at intake
             * @example invoice
             */
            class_name: string | null;
            /** @example 0.93 */
            confidence: number | null;
            /**
             * @description a person's class, when one was given
             * @example null
             */
            label: string | null;
            /**
             * @description PII was found (pii_tags names its kinds)
             * @example true
             */
            contains_sensitive_data: boolean;
            /**
             * @example [
             *       "iban",
             *       "phone"
             *     ]
             */
            pii_tags: string[];
            /** @example INV_1764979200000_1 */
            robot_id: string | null;
            /**
             * @description the raw message
             * @example 48213
             */
            size_bytes: number;
            /** @example 2026-12-02T09:00:00.000Z */
            received_at: string;
            to: components["schemas"]["EmailAddressDto"][];
            cc: components["schemas"]["EmailAddressDto"][];
            /** @example null */
            in_reply_to: string | null;
            /**
             * @description safe plain text (redacted when EMAIL_REDACT_PII)
             * @example Please find attached invoice INV-2026-0042, due 2026-12-31.
             */
            text: string | null;
            /**
             * @description defects met and survived (charset fallbacks, bad headers)
             * @example []
             */
            parse_warnings: string[];
            /**
             * @description class, confidence, every class's probability, rule, model version, threshold
             * @example {
             *       "class_name": "invoice",
             *       "confidence": 0.93,
             *       "model_version": 3,
             *       "threshold": 0.6
             *     }
             */
            classification: {
                [key: string]: unknown;
            } | null;
            /**
             * @description dates, amounts, numbers, contacts, IBANs, signature
             * @example {
             *       "dates": [
             *         "2026-12-31"
             *       ],
             *       "amounts": [
             *         {
             *           "value": 1250,
             *           "currency": "EUR",
             *           "text": "1.250,00 €"
             *         }
             *       ],
             *       "invoice_numbers": [
             *         "INV-2026-0042"
             *       ]
             *     }
             */
            extracted: {
                [key: string]: unknown;
            };
            attachments: components["schemas"]["EmailAttachmentDto"][];
            /** @description every processing step, oldest first */
            audit: components["schemas"]["EmailAuditDto"][];
        };
        LabelEmailDto: {
            /**
             * @description the right class; it becomes a training example
             * @example invoice
             */
            class_name: string;
        };
        VendorTemplateOptionsDto: {
            /**
             * @description how numeric dates are ordered
             * @example dmy
             * @enum {string}
             */
            date_format?: "dmy" | "mdy" | "ymd";
            /**
             * @description the decimal separator of amounts
             * @example ,
             * @enum {string}
             */
            decimal_separator?: "." | ",";
            /**
             * @description the currency of all its invoices (ISO 4217)
             * @example EUR
             */
            currency?: string;
        };
        VendorTemplateBodyDto: {
            /**
             * @description the vendor; becomes the vendor_name field
             * @example Azure Interior
             */
            vendor_name: string;
            /**
             * @description all must appear in a document for the template to apply (case-insensitive)
             * @example [
             *       "Azure Interior",
             *       "azure-interior.com"
             *     ]
             */
            keywords: string[];
            /**
             * @description invoice field -> regular expression on the document text (group 1, or the whole match, is the value); at most 300 characters, no nested quantifiers, quantified alternations or backreferences
             * @example {
             *       "invoice_number": "Invoice\\s+(INV/\\d+/\\d+/\\d+)",
             *       "total": "Total\\s+\\$\\s*([\\d.,]+)"
             *     }
             */
            fields: {
                [key: string]: string;
            };
            options?: components["schemas"]["VendorTemplateOptionsDto"];
        };
        VendorTemplateDto: {
            /**
             * Format: uuid
             * @example 8c1f3a52-3d7e-4b8a-a1f0-6e2d9c4b7a10
             */
            template_id: string;
            /** @example Azure Interior */
            vendor_name: string;
            /**
             * @example [
             *       "Azure Interior"
             *     ]
             */
            keywords: string[];
            /**
             * @description USER: patterns; LEARNED: anchors {label, position, shape} or {constant}
             * @example {
             *       "invoice_number": "Invoice\\s+(INV/\\d+/\\d+/\\d+)"
             *     }
             */
            fields: {
                [key: string]: unknown;
            };
            options: components["schemas"]["VendorTemplateOptionsDto"];
            /**
             * @example USER
             * @enum {string}
             */
            source: "USER" | "LEARNED";
            /**
             * @description review corrections it learned from
             * @example 0
             */
            corrections_applied: number;
            /**
             * @description the creator's key prefix
             * @example bf_0000ad01
             */
            created_by: string | null;
            /** @example 2026-12-02T09:00:00.000Z */
            created_at: string;
            /** @example 2026-12-02T09:00:00.000Z */
            updated_at: string;
        };
        VendorTemplatePageDto: {
            /**
             * @description cursor of the next page; null on the last page
             * @example MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy
             */
            next_cursor: string | null;
            items: components["schemas"]["VendorTemplateDto"][];
        };
        CreateMailboxDto: {
            /**
             * @description TLS from the start (IMAPS); false: STARTTLS when offered
             * @default true
             */
            secure?: boolean;
            /**
             * @default password
             * @enum {string}
             */
            auth_method?: "password" | "oauth2";
            /**
             * @description auth_method password: sealed at rest, never shown again
             * @example correct horse battery staple
             */
            password?: string;
            /**
             * @description auth_method oauth2 (XOAUTH2): sealed at rest, never shown again
             * @example ya29.a0AfH6SMB...
             */
            access_token?: string;
            /**
             * @default INBOX
             * @example INBOX
             */
            folder?: string;
            /**
             * @description After a message is ingested: flag it \Seen, move it to move_to, or leave it
             * @default flag
             * @enum {string}
             */
            after_processing?: "flag" | "move" | "none";
            /**
             * @description Required with after_processing move, refused otherwise
             * @example Processed
             */
            move_to?: Record<string, unknown> | null;
            /**
             * @default ACTIVE
             * @enum {string}
             */
            status?: "ACTIVE" | "PAUSED";
            /**
             * @description Unique, case-insensitively
             * @example invoices
             */
            name: string;
            /**
             * @description A host name or IP address
             * @example imap.example.com
             */
            host: string;
            /** @example 993 */
            port: number;
            /** @example invoices@example.com */
            username: string;
        };
        MailboxCheckpointDto: {
            /**
             * @description Null until first connected
             * @example 1796223746
             */
            uid_validity: number | null;
            /**
             * @description Every message up to this UID was taken in
             * @example 42
             */
            last_uid: number;
        };
        MailboxWatcherDto: {
            /**
             * @description The instance watching it
             * @example bf-1:4242:3f9a1c2b
             */
            instance: string;
            /**
             * @description Another instance takes over after this
             * @example 2026-11-22T10:00:30.000Z
             */
            lease_until: string;
        };
        MailboxResponseDto: {
            /**
             * Format: uuid
             * @example 0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f
             */
            mailbox_id: string;
            /** @example invoices */
            name: string;
            /** @example imap.example.com */
            host: string;
            /** @example 993 */
            port: number;
            /** @example true */
            secure: boolean;
            /** @example invoices@example.com */
            username: string;
            /**
             * @example password
             * @enum {string}
             */
            auth_method: "password" | "oauth2";
            /**
             * @description A password or token is stored (sealed; never shown)
             * @example true
             */
            has_secret: boolean;
            /** @example INBOX */
            folder: string;
            /**
             * @example flag
             * @enum {string}
             */
            after_processing: "flag" | "move" | "none";
            /** @example null */
            move_to: string | null;
            /**
             * @example ACTIVE
             * @enum {string}
             */
            status: "ACTIVE" | "PAUSED";
            /**
             * @description HEALTHY once connected; DEGRADED at a failure; UNHEALTHY after EMAIL_UNHEALTHY_AFTER_SECONDS failing
             * @example HEALTHY
             * @enum {string}
             */
            health: "UNKNOWN" | "HEALTHY" | "DEGRADED" | "UNHEALTHY";
            /**
             * @description The last connection failure (no secrets)
             * @example null
             */
            last_error: string | null;
            /** @example 2026-11-22T10:00:00.000Z */
            last_connected_at: string | null;
            /**
             * @description Last search
             * @example 2026-11-22T10:00:00.000Z
             */
            last_checked_at: string | null;
            /**
             * @description First failure since the last connect
             * @example null
             */
            failing_since: string | null;
            checkpoint: components["schemas"]["MailboxCheckpointDto"];
            /** @description The instance holding its lease now; null: nobody watches it (paused, or no instance took it) */
            watcher: components["schemas"]["MailboxWatcherDto"] | null;
            /** @example key_3f9a1c2b */
            created_by: string | null;
            /** @example 2026-11-22T10:00:00.000Z */
            created_at: string;
            /** @example 2026-11-22T10:00:00.000Z */
            updated_at: string;
        };
        MailboxPageDto: {
            /**
             * @description cursor of the next page; null on the last page
             * @example MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy
             */
            next_cursor: string | null;
            items: components["schemas"]["MailboxResponseDto"][];
        };
        UpdateMailboxDto: {
            /**
             * @description TLS from the start (IMAPS); false: STARTTLS when offered
             * @default true
             */
            secure?: boolean;
            /**
             * @default password
             * @enum {string}
             */
            auth_method?: "password" | "oauth2";
            /**
             * @description auth_method password: sealed at rest, never shown again
             * @example correct horse battery staple
             */
            password?: string;
            /**
             * @description auth_method oauth2 (XOAUTH2): sealed at rest, never shown again
             * @example ya29.a0AfH6SMB...
             */
            access_token?: string;
            /**
             * @default INBOX
             * @example INBOX
             */
            folder?: string;
            /**
             * @description After a message is ingested: flag it \Seen, move it to move_to, or leave it
             * @default flag
             * @enum {string}
             */
            after_processing?: "flag" | "move" | "none";
            /**
             * @description Required with after_processing move, refused otherwise
             * @example Processed
             */
            move_to?: Record<string, unknown> | null;
            /**
             * @default ACTIVE
             * @enum {string}
             */
            status?: "ACTIVE" | "PAUSED";
            /** @example invoices-eu */
            name?: string;
            /** @example imap.example.com */
            host?: string;
            /** @example 993 */
            port?: number;
            /** @example invoices@example.com */
            username?: string;
        };
        MailboxCheckDto: {
            /** @example true */
            ok: boolean;
            /**
             * @description Connect, log in and open the folder (read-only)
             * @example 84
             */
            latency_ms: number;
            /**
             * @description Why it failed (no secrets)
             * @example null
             */
            error: string | null;
            /** @example 1796223746 */
            uid_validity: number | null;
            /** @example 43 */
            uid_next: number | null;
            /**
             * @description Messages in the folder
             * @example 12
             */
            messages: number | null;
            /**
             * @description Messages after the checkpoint (all of them when UIDVALIDITY differs): still to be taken in
             * @example 2
             */
            pending: number | null;
            /**
             * @description The server UIDVALIDITY differs from the checkpoint: a rescan is due
             * @example false
             */
            uid_validity_changed: boolean;
            /**
             * @description The server offers IDLE (else: polling)
             * @example true
             */
            idle: boolean | null;
        };
        SubscriptionFilterDto: {
            /** @example legal_review */
            robot_type?: string;
            /** @example LegalModule */
            module_name?: string;
            /**
             * @example HIGH
             * @enum {string}
             */
            priority?: "LOW" | "NORMAL" | "HIGH" | "CRITICAL";
            /** @example batch-2026-11-22 */
            correlation_id?: string;
        };
        CreateSubscriptionDto: {
            /** @example ops webhook */
            name?: Record<string, unknown> | null;
            /** @description All set fields must match */
            filter?: components["schemas"]["SubscriptionFilterDto"];
            /**
             * @default en
             * @enum {string}
             */
            locale?: "en" | "es";
            /**
             * @description Email only: events arriving within this window go out as one message
             * @example 300
             */
            digest_seconds?: number | null;
            /**
             * @description Seconds before each attempt (0-604800 each); default NOTIFY_RETRY_SCHEDULE
             * @example [
             *       0,
             *       5,
             *       300,
             *       1800
             *     ]
             */
            retry_schedule?: number[] | null;
            /**
             * @description Per-attempt timeout; default the dispatcher’s
             * @example 15000
             */
            timeout_ms?: number | null;
            /**
             * @example webhook
             * @enum {string}
             */
            channel: "webhook" | "email" | "sms" | "in_app";
            /**
             * @description webhook: http(s) URL; email: an address; sms: E.164 (+34600111222); in_app: an audience name
             * @example https://hooks.example.com/botfleet
             */
            target: string;
            /**
             * @description Catalogue event types, families (`robot.*`) or `*`; robot.progress only when named
             * @example [
             *       "robot.completed",
             *       "robot.failed",
             *       "alert.*"
             *     ]
             */
            event_types: string[];
        };
        SubscriptionWithSecretDto: {
            /**
             * Format: uuid
             * @example 0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f
             */
            subscription_id: string;
            /** @example ops webhook */
            name: string | null;
            /**
             * @example webhook
             * @enum {string}
             */
            channel: "webhook" | "email" | "sms" | "in_app";
            /** @example https://hooks.example.com/botfleet */
            target: string;
            /**
             * @example [
             *       "robot.completed",
             *       "robot.failed"
             *     ]
             */
            event_types: string[];
            /**
             * @example {
             *       "robot_type": "legal_review"
             *     }
             */
            filter: Record<string, unknown>;
            /**
             * @example en
             * @enum {string}
             */
            locale: "en" | "es";
            /** @example null */
            digest_seconds: number | null;
            /** @example null */
            retry_schedule: number[] | null;
            /** @example null */
            timeout_ms: number | null;
            /**
             * @example ACTIVE
             * @enum {string}
             */
            status: "ACTIVE" | "DISABLED";
            /**
             * @description Why it was disabled
             * @example null
             */
            disabled_reason: string | null;
            /** @example null */
            disabled_at: string | null;
            /**
             * @description First failure since the last success; disabled NOTIFY_DISABLE_AFTER_HOURS after it
             * @example null
             */
            failing_since: string | null;
            /**
             * @description Set for a subscription made with `notify` on robot creation: that robot only
             * @example null
             */
            robot_id: string | null;
            /**
             * @description A webhook signing secret is stored (never shown after creation)
             * @example true
             */
            has_secret: boolean;
            /**
             * @description After a rotation: until then messages are signed with the new and the previous secret
             * @example null
             */
            secret_rotating_until: string | null;
            /**
             * @description Built in (system:*): follows the configuration, read-only here
             * @example false
             */
            system: boolean;
            /**
             * @description The key that created it
             * @example key_3f9a1c2b
             */
            created_by: string | null;
            /** @example 2026-11-22T10:00:00.000Z */
            created_at: string;
            /** @example 2026-11-22T10:00:00.000Z */
            updated_at: string;
            /**
             * @description Webhooks: the signing secret, shown in this answer only (null for other channels). Store it now.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string | null;
        };
        SubscriptionResponseDto: {
            /**
             * Format: uuid
             * @example 0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f
             */
            subscription_id: string;
            /** @example ops webhook */
            name: string | null;
            /**
             * @example webhook
             * @enum {string}
             */
            channel: "webhook" | "email" | "sms" | "in_app";
            /** @example https://hooks.example.com/botfleet */
            target: string;
            /**
             * @example [
             *       "robot.completed",
             *       "robot.failed"
             *     ]
             */
            event_types: string[];
            /**
             * @example {
             *       "robot_type": "legal_review"
             *     }
             */
            filter: Record<string, unknown>;
            /**
             * @example en
             * @enum {string}
             */
            locale: "en" | "es";
            /** @example null */
            digest_seconds: number | null;
            /** @example null */
            retry_schedule: number[] | null;
            /** @example null */
            timeout_ms: number | null;
            /**
             * @example ACTIVE
             * @enum {string}
             */
            status: "ACTIVE" | "DISABLED";
            /**
             * @description Why it was disabled
             * @example null
             */
            disabled_reason: string | null;
            /** @example null */
            disabled_at: string | null;
            /**
             * @description First failure since the last success; disabled NOTIFY_DISABLE_AFTER_HOURS after it
             * @example null
             */
            failing_since: string | null;
            /**
             * @description Set for a subscription made with `notify` on robot creation: that robot only
             * @example null
             */
            robot_id: string | null;
            /**
             * @description A webhook signing secret is stored (never shown after creation)
             * @example true
             */
            has_secret: boolean;
            /**
             * @description After a rotation: until then messages are signed with the new and the previous secret
             * @example null
             */
            secret_rotating_until: string | null;
            /**
             * @description Built in (system:*): follows the configuration, read-only here
             * @example false
             */
            system: boolean;
            /**
             * @description The key that created it
             * @example key_3f9a1c2b
             */
            created_by: string | null;
            /** @example 2026-11-22T10:00:00.000Z */
            created_at: string;
            /** @example 2026-11-22T10:00:00.000Z */
            updated_at: string;
        };
        SubscriptionPageDto: {
            /**
             * @description cursor of the next page; null on the last page
             * @example MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy
             */
            next_cursor: string | null;
            items: components["schemas"]["SubscriptionResponseDto"][];
        };
        UpdateSubscriptionDto: {
            /** @example ops webhook */
            name?: Record<string, unknown> | null;
            /** @description All set fields must match */
            filter?: components["schemas"]["SubscriptionFilterDto"];
            /**
             * @default en
             * @enum {string}
             */
            locale?: "en" | "es";
            /**
             * @description Email only: events arriving within this window go out as one message
             * @example 300
             */
            digest_seconds?: number | null;
            /**
             * @description Seconds before each attempt (0-604800 each); default NOTIFY_RETRY_SCHEDULE
             * @example [
             *       0,
             *       5,
             *       300,
             *       1800
             *     ]
             */
            retry_schedule?: number[] | null;
            /**
             * @description Per-attempt timeout; default the dispatcher’s
             * @example 15000
             */
            timeout_ms?: number | null;
            /**
             * @description Checked as at creation, for the subscription’s channel (which never changes)
             * @example https://hooks.example.com/botfleet-v2
             */
            target?: string;
            /**
             * @example [
             *       "robot.*"
             *     ]
             */
            event_types?: string[];
        };
        ReplayWindowDto: {
            /**
             * @description Deliveries created at or after this
             * @example 2026-11-22T00:00:00Z
             */
            since: string;
            /**
             * @description and before this
             * @example 2026-11-23T00:00:00Z
             */
            until: string;
        };
        ReplayCountDto: {
            /**
             * @description Ended (SENT or DEAD) deliveries put back to PENDING
             * @example 12
             */
            replayed: number;
        };
        DeliveryResponseDto: {
            /**
             * Format: uuid
             * @description Also the webhook-id: the same on every attempt and replay
             * @example 6f1c7a2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b
             */
            delivery_id: string;
            /**
             * @description The event (ids are bigints, as strings)
             * @example 1042
             */
            event_id: string;
            /** @example robot.completed */
            event_type: string;
            /**
             * Format: uuid
             * @example 0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f
             */
            subscription_id: string;
            /**
             * @example webhook
             * @enum {string}
             */
            channel: "webhook" | "email" | "sms" | "in_app";
            /**
             * @description The isolation key (one queue per endpoint)
             * @example https://hooks.example.com:443
             */
            endpoint: string;
            /**
             * @example SENT
             * @enum {string}
             */
            state: "PENDING" | "SENDING" | "SENT" | "FAILED" | "DEAD";
            /** @example 1 */
            attempts: number;
            /** @example 2026-11-22T10:00:05.000Z */
            next_attempt_at: string;
            /** @example null */
            last_error: string | null;
            /** @example 200 */
            response_status: number | null;
            /** @example 84 */
            latency_ms: number | null;
            /** @example 2026-11-22T10:00:00.000Z */
            created_at: string;
            /** @example 2026-11-22T10:00:00.084Z */
            updated_at: string;
            /** @example 2026-11-22T10:00:00.084Z */
            sent_at: string | null;
        };
        DeliveryPageDto: {
            /**
             * @description cursor of the next page; null on the last page
             * @example MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy
             */
            next_cursor: string | null;
            items: components["schemas"]["DeliveryResponseDto"][];
        };
        DeliveryDetailDto: {
            /**
             * Format: uuid
             * @description Also the webhook-id: the same on every attempt and replay
             * @example 6f1c7a2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b
             */
            delivery_id: string;
            /**
             * @description The event (ids are bigints, as strings)
             * @example 1042
             */
            event_id: string;
            /** @example robot.completed */
            event_type: string;
            /**
             * Format: uuid
             * @example 0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f
             */
            subscription_id: string;
            /**
             * @example webhook
             * @enum {string}
             */
            channel: "webhook" | "email" | "sms" | "in_app";
            /**
             * @description The isolation key (one queue per endpoint)
             * @example https://hooks.example.com:443
             */
            endpoint: string;
            /**
             * @example SENT
             * @enum {string}
             */
            state: "PENDING" | "SENDING" | "SENT" | "FAILED" | "DEAD";
            /** @example 1 */
            attempts: number;
            /** @example 2026-11-22T10:00:05.000Z */
            next_attempt_at: string;
            /** @example null */
            last_error: string | null;
            /** @example 200 */
            response_status: number | null;
            /** @example 84 */
            latency_ms: number | null;
            /** @example 2026-11-22T10:00:00.000Z */
            created_at: string;
            /** @example 2026-11-22T10:00:00.084Z */
            updated_at: string;
            /** @example 2026-11-22T10:00:00.084Z */
            sent_at: string | null;
            /**
             * @description The Standard Webhooks body {type, timestamp, data}
             * @example {
             *       "type": "robot.completed",
             *       "timestamp": "2026-11-22T10:00:00.000Z",
             *       "data": {
             *         "robot_id": "LEGAL_1795310000000_42",
             *         "module_name": "LegalModule",
             *         "processing_time_ms": 1850
             *       }
             *     }
             */
            payload: Record<string, unknown>;
        };
        TemplateDto: {
            /**
             * @description a catalogue event type, `*` or `digest`
             * @example robot.completed
             */
            event_type: string;
            /**
             * @example email
             * @enum {string}
             */
            channel: "email" | "sms" | "in_app";
            /**
             * @example es
             * @enum {string}
             */
            locale: "en" | "es";
            /**
             * @description override: stored over the API; default: shipped with botfleet
             * @example override
             * @enum {string}
             */
            source: "default" | "override";
            /** @example Robot {{robot_id}} completado */
            subject: string;
            /** @example El robot {{robot_id}} terminó en {{duration data.processing_time_ms}}. */
            body_text: string;
            /** @example <p>El robot <b>{{robot_id}}</b> terminó.</p> */
            body_html: string | null;
            /**
             * @description the key that saved it
             * @example key_3f9a1c2b
             */
            updated_by: string | null;
            /** @example 2026-11-22T10:00:00.000Z */
            updated_at: string | null;
        };
        PreviewTemplateDto: {
            /**
             * @description email subject, in-app title, the line in a digest (plain text, not escaped)
             * @example Robot {{robot_id}} completado
             */
            subject: string;
            /**
             * @description email text part, SMS text, in-app body (plain text, not escaped)
             * @example El robot {{robot_id}} terminó en {{duration data.processing_time_ms}}.
             */
            body_text: string;
            /**
             * @description email only; every {{value}} is HTML-escaped ({{{ }}} is refused); null: the text part as HTML
             * @example <p>El robot <b>{{robot_id}}</b> terminó.</p>
             */
            body_html?: string | null;
            /**
             * @example robot.completed
             * @enum {string}
             */
            event_type: "robot.created" | "robot.assigned" | "robot.started" | "robot.progress" | "robot.completed" | "robot.failed" | "robot.retrying" | "robot.cancelled" | "robot.sla_at_risk" | "module.health_changed" | "module.breaker_changed" | "alert.fired" | "alert.resolved" | "subscription.disabled" | "review.resolved" | "email.ingested" | "mailbox.health_changed" | "*" | "digest";
            /**
             * @example email
             * @enum {string}
             */
            channel: "email" | "sms" | "in_app";
            /**
             * @example es
             * @enum {string}
             */
            locale: "en" | "es";
            /**
             * @description the event's data; unset: a sample event of the type (a digest previews sample events)
             * @example {
             *       "processing_time_ms": 12840
             *     }
             */
            data?: Record<string, unknown>;
        };
        RenderedTemplateDto: {
            /** @example Robot LEGAL_1795310000000_42 completado */
            subject: string;
            /** @example El robot LEGAL_1795310000000_42 terminó en 12,8 s. */
            text: string;
            /**
             * @description email only
             * @example <p>El robot <b>LEGAL_1795310000000_42</b> terminó.</p>
             */
            html: string | null;
        };
        SaveTemplateDto: {
            /**
             * @description email subject, in-app title, the line in a digest (plain text, not escaped)
             * @example Robot {{robot_id}} completado
             */
            subject: string;
            /**
             * @description email text part, SMS text, in-app body (plain text, not escaped)
             * @example El robot {{robot_id}} terminó en {{duration data.processing_time_ms}}.
             */
            body_text: string;
            /**
             * @description email only; every {{value}} is HTML-escaped ({{{ }}} is refused); null: the text part as HTML
             * @example <p>El robot <b>{{robot_id}}</b> terminó.</p>
             */
            body_html?: string | null;
        };
        InboxNotificationDto: {
            /**
             * @description Grows with each notification of an audience; the stream's event id (Last-Event-ID)
             * @example 1042
             */
            notification_id: number;
            /**
             * @description Who reads it: the in_app subscription target
             * @example admins
             */
            audience: string;
            /** @example robot.failed */
            event_type: string;
            /**
             * @description The event it tells of
             * @example 88123
             */
            event_id: number | null;
            /**
             * @description The delivery that wrote it: one notification per delivery, however often it is retried
             * @example 0b6c1f8e-8f1c-4f55-9a52-3a4c1e2f9d10
             */
            delivery_id: string | null;
            /** @example Robot LEGAL_1795310000000_42 failed */
            title: string;
            /** @example legal_review on LegalModule: Unreadable scan (VALIDATION, not retried) */
            body: string;
            /**
             * @description The event's data with the event, delivery and subscription ids
             * @example {
             *       "robot_id": "LEGAL_1795310000000_42",
             *       "module_name": "LegalModule",
             *       "subscription_id": "5f0c..."
             *     }
             */
            data: {
                [key: string]: unknown;
            };
            /** @example false */
            read: boolean;
            /** @example null */
            read_at: string | null;
            /** @example 2026-11-23T09:00:00.000Z */
            created_at: string;
        };
        InboxPageDto: {
            /**
             * @description cursor of the next page; null on the last page
             * @example MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy
             */
            next_cursor: string | null;
            /** @description Newest first */
            items: components["schemas"]["InboxNotificationDto"][];
            /**
             * @description Whose inbox this is (NOTIFY_ADMIN_AUDIENCE when none was named)
             * @example admins
             */
            audience: string;
            /**
             * @description The audience's unread notifications, all pages
             * @example 3
             */
            unread_count: number;
        };
        UnreadCountDto: {
            /** @example admins */
            audience: string;
            /** @example 3 */
            unread_count: number;
        };
        MarkAllReadDto: {
            /**
             * @description Whose inbox
             * @example admins
             */
            audience: string;
            /**
             * @description Only up to this id: what the reader has seen, so a notification that arrives meanwhile stays unread
             * @example 1042
             */
            up_to_id?: number;
        };
        MarkedReadDto: {
            /** @example admins */
            audience: string;
            /** @example 3 */
            unread_count: number;
            /**
             * @description Notifications this call marked read
             * @example 3
             */
            marked: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    ApiKeysController_list: {
        parameters: {
            query?: {
                /** @description Include revoked keys */
                include_revoked?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyResponseDto"][];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ApiKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKeyDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description module_name names no registered module */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ApiKeysController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No key by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ApiKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No key by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ApiKeysController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKeyDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No key by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key is revoked or expired */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AuditController_find: {
        parameters: {
            query?: {
                key_prefix?: string;
                operation?: string;
                success?: boolean;
                from?: string;
                to?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description A bad filter, limit or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RoutingController_select: {
        parameters: {
            query: {
                /** @description Robot type to route */
                robot_type: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingDecisionDto"];
                };
            };
            /** @description robot_type missing or malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks modules:read, or is bound to a module: a dry run shows every module */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RegistryController_list: {
        parameters: {
            query?: {
                /** @description Include deactivated modules */
                include_inactive?: boolean;
                /** @description Only modules that process this robot type */
                robot_type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleResponseDto"][];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: modules:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RegistryController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterModuleDto"];
            };
        };
        responses: {
            /** @description Re-registered (replaced) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleResponseDto"];
                };
            };
            /** @description Registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /**
             * @description A module-bound key acted for another module
             *
             *     The key lacks the scope: modules:write
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RegistryController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                module_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /**
             * @description A module-bound key acted for another module
             *
             *     The key lacks the scope: modules:read
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No module by that name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RegistryController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                module_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deactivated */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /**
             * @description A module-bound key acted for another module
             *
             *     The key lacks the scope: modules:write
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No module by that name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RegistryController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                module_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateModuleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /**
             * @description A module-bound key acted for another module
             *
             *     The key lacks the scope: modules:write
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No module by that name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RobotsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                status?: "PENDING" | "PROCESSING" | "COMPLETED" | "FAILED" | "RETRYING" | "CANCELLED";
                robot_type?: string;
                module_name?: string;
                correlation_id?: string;
                /** @description Created at or after (ISO 8601) */
                created_from?: string;
                /** @description Created before (ISO 8601) */
                created_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RobotPageDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /**
             * @description A module-bound key asked for another module's robots
             *
             *     The key lacks the scope: robots:read
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RobotsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description 8-255 chars; a repeat returns the original robot (200) */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRobotDto"];
            };
        };
        responses: {
            /** @description Replay of an earlier request with the same Idempotency-Key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RobotResponseDto"];
                };
            };
            /** @description Queued or routed; an unknown robot_type is queued with a warning (also in the Botfleet-Warning header) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedRobotResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: robots:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No eligible module (reject policy), or the key was used for other work */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RobotsController_createMany: {
        parameters: {
            query?: never;
            header?: {
                /** @description 8-255 chars; a repeat returns the robots the first call created (200, created: 0) */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkCreateRobotsDto"];
            };
        };
        responses: {
            /** @description Replay of an earlier call with the same key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkCreateRobotsResponseDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkCreateRobotsResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: robots:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No eligible module for one of the robot types (reject policy), or the key was used for other work */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RobotsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                robot_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RobotResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: robots:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such robot (or one of another module, for a module-bound key) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RobotsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                robot_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionResponseDto"][];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: robots:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such robot (or one of another module, for a module-bound key) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RobotsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                robot_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelRobotDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RobotResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: robots:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such robot (or one of another module, for a module-bound key) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The robot already finished */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RobotsController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                robot_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RobotResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: robots:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such robot (or one of another module, for a module-bound key) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The robot is not FAILED or CANCELLED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkController_claim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                module_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimRobotsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimedRobotDto"][];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks work, or is bound to another module */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No module by that name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description MODULE_INACTIVE: the module is deactivated */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkController_progress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                execute_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgressDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: work */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description LEASE_LOST: the lease expired and was reclaimed, the robot was cancelled, or a module-bound key does not own it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                execute_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RobotResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: work */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description LEASE_LOST: the lease expired and was reclaimed, the robot was cancelled, or a module-bound key does not own it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkController_completeBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteBatchDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompleteBatchResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: work */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkController_fail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                execute_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FailDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RobotResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: work */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description LEASE_LOST: the lease expired and was reclaimed, the robot was cancelled, or a module-bound key does not own it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    OcrDocumentsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                status?: "PENDING" | "PROCESSING" | "COMPLETED" | "NEEDS_REVIEW" | "FAILED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OcrDocumentPageDto"];
                };
            };
            /** @description A bad status, limit or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: ocr:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    OcrDocumentsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description PNG, JPEG, TIFF, WebP or PDF (judged by content)
                     */
                    file: string;
                    /**
                     * @description Tesseract languages joined by +; installed: eng, spa
                     * @default eng+spa
                     */
                    languages?: string;
                    /**
                     * @default auto
                     * @enum {string}
                     */
                    engine?: "auto" | "native" | "wasm";
                    /**
                     * @description Also extract invoice fields
                     * @enum {string}
                     */
                    extract?: "invoice";
                    /**
                     * @description Wait for the result when the document is small (OCR_SYNC_MAX_BYTES, OCR_SYNC_MAX_PAGES)
                     * @default false
                     */
                    sync?: boolean;
                };
            };
        };
        responses: {
            /** @description From the dedupe cache, or a synchronous answer in time */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OcrDocumentDto"];
                };
            };
            /** @description Queued as an ocr_extract robot; follow Location */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OcrAcceptedDto"];
                };
            };
            /** @description No `file` part, several, an unknown field or a bad option, or a malformed form */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: ocr:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The file is larger than OCR_MAX_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not multipart/form-data */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The content is not a supported document, or (sync) the pipeline could not read it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    OcrDocumentsController_batch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description Several `file` parts */
                    file: string[];
                    /**
                     * @description Tesseract languages joined by +; installed: eng, spa
                     * @default eng+spa
                     */
                    languages?: string;
                    /**
                     * @default auto
                     * @enum {string}
                     */
                    engine?: "auto" | "native" | "wasm";
                    /**
                     * @description Also extract invoice fields
                     * @enum {string}
                     */
                    extract?: "invoice";
                };
            };
        };
        responses: {
            /** @description Each file's own status; a refused file does not stop the others */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OcrBatchDto"];
                };
            };
            /** @description No `file` part, more than OCR_BATCH_MAX_FILES, an unknown field or a bad option */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: ocr:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not multipart/form-data */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Invoice extraction asked for where none is installed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    OcrDocumentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OcrDocumentDto"];
                };
            };
            /** @description document_id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: ocr:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such document */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ReviewsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description only this kind */
                kind?: string;
                /** @description only this status (all by default) */
                status?: "PENDING" | "RESOLVED" | "DISMISSED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewPageDto"];
                };
            };
            /** @description A bad kind, status, limit or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: reviews:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ReviewsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewDto"];
                };
            };
            /** @description An id that is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: reviews:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such review */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ReviewsController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewDto"];
                };
            };
            /** @description Neither fields nor dismiss, both, an unknown field, or a value that is not one of its field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: reviews:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such review */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The review was answered already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A probe is down: `checks` holds every probe, as `details` does in a 200 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MonitoringController_dashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: monitoring:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MonitoringController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DetailedHealthDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AlertsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description firing, resolved or all */
                state?: "firing" | "resolved" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertPageDto"];
                };
            };
            /** @description A bad state, limit or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: monitoring:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EventsController_catalogue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventTypeDto"][];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: monitoring:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EventsController_consumers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsumerDto"][];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: monitoring:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EventsController_forget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                consumer: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Forgotten */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A consumer name that is not a plain name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No consumer by that name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description An instance still runs it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EventsController_replayAll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                consumer: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayAnswerDto"];
                };
            };
            /** @description A consumer name that is not a plain name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No consumer by that name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EventsController_parked: {
        parameters: {
            query?: {
                /** @description Only this consumer */
                consumer?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParkedEventDto"][];
                };
            };
            /** @description A bad consumer name or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: monitoring:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EventsController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                consumer: string;
                event_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayAnswerDto"];
                };
            };
            /** @description A bad consumer name or event id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description That event is not parked for that consumer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ForecastController_forecast: {
        parameters: {
            query?: {
                /** @description Drain target of the capacity recommendation (default FORECAST_DRAIN_TARGET_SECONDS) */
                target_seconds?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForecastDto"];
                };
            };
            /** @description A target_seconds outside 60-604800 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: monitoring:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    PublicMetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    BackupsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupPageDto"];
                };
            };
            /** @description A bad limit or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    BackupsController_run: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backup is already running (on this or another instance) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Backups cannot run here (pg_dump missing or older than the server) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    BackupsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                backup_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupDto"];
                };
            };
            /** @description backup_id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such backup */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    TrainingExamplesController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description only this label */
                label?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExamplePageDto"];
                };
            };
            /** @description A bad label, limit or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    TrainingExamplesController_add: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddExampleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddedExampleDto"];
                };
            };
            /** @description A bad label, or not exactly one of raw and text */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description raw is not an email */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    TrainingExamplesController_addMany: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkAddExamplesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkAddedExamplesDto"];
                };
            };
            /** @description More than 1,000 examples, or one that is not valid (named by its index) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description One raw is not an email (named by its index) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    TrainingExamplesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An id that is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such example */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ModelVersionsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelVersionPageDto"];
                };
            };
            /** @description A bad limit or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ModelVersionsController_train: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelVersionDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A version is training already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Fewer than 10 examples, or fewer than two labels */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ModelVersionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelVersionDto"];
                };
            };
            /** @description A version that is not a positive integer */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ModelVersionsController_activate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelVersionDto"];
                };
            };
            /** @description A version that is not a positive integer */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The version is TRAINING, FAILED or active already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ClassifyController_classify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailClassificationDto"];
                };
            };
            /** @description Not exactly one of raw and text, or a bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description raw is not an email */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailClassesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailClassListDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailClassesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailClassDto"];
                };
            };
            /** @description A name that is not a class name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such class */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailClassesController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutEmailClassDto"];
            };
        };
        responses: {
            /** @description Replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailClassDto"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailClassDto"];
                };
            };
            /** @description A bad name, robot type, threshold or priority */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailClassesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A name that is not a class name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such class */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailRulesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailRuleListDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailRulesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRuleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailRuleDto"];
                };
            };
            /** @description No condition, or a bad name, sender, domain, attachment type, class or mode */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A rule has that name, or there are 500 rules */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A pattern that does not compile, is too long, or could backtrack without bound */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailRulesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailRuleDto"];
                };
            };
            /** @description An id that is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such rule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailRulesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An id that is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such rule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailRulesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRuleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailRuleDto"];
                };
            };
            /** @description A bad id or field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such rule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Another rule has that name */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A pattern that does not compile, is too long, or could backtrack without bound */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                status?: "ROBOT_CREATED" | "NEEDS_REVIEW" | "NO_ROBOT" | "REJECTED";
                /** @description only what this mailbox took in */
                mailbox_id?: string;
                /** @description the class (a person's label when there is one) */
                class_name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailPageDto"];
                };
            };
            /** @description A bad status, mailbox id, class, limit or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the message as received, headers and body */
        requestBody: {
            content: {
                "message/rfc822": string;
            };
        };
        responses: {
            /** @description DUPLICATE: taken in before (same Message-ID or content) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestAnswerDto"];
                };
            };
            /** @description Taken in: ROBOT_CREATED, NEEDS_REVIEW or NO_ROBOT */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestAnswerDto"];
                };
            };
            /** @description An empty body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The message is larger than EMAIL_MAX_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not message/rfc822 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The message was refused (recorded as REJECTED with the reason) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailsController_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description an mbox file (mboxo or mboxrd) */
        requestBody: {
            content: {
                "application/mbox": string;
            };
        };
        responses: {
            /** @description JSON lines: `progress` about every second, then one `summary` (or one `error` line if the import stopped) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/mbox */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                email_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailDto"];
                };
            };
            /** @description email_id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such email */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailsController_attachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                email_id: string;
                position: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description email_id is not a UUID, or position is not an integer from 0 to 10,000 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such email, or no stored attachment at that position */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    EmailsController_label: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                email_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LabelEmailDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailDto"];
                };
            };
            /** @description A bad class name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such email */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A refused message has no class */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InvoiceTemplatesController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description only this source (both by default) */
                source?: "USER" | "LEARNED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorTemplatePageDto"];
                };
            };
            /** @description A bad source, limit or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: ocr:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InvoiceTemplatesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VendorTemplateBodyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorTemplateDto"];
                };
            };
            /** @description A bad vendor name, keywords, field name or option */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: ocr:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The vendor has a template already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A pattern that does not compile, is too long, or could backtrack without bound */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InvoiceTemplatesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorTemplateDto"];
                };
            };
            /** @description An id that is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: ocr:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such template */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InvoiceTemplatesController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VendorTemplateBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorTemplateDto"];
                };
            };
            /** @description A bad id, vendor name, keywords, field name or option */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: ocr:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such template */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Another template has that vendor name */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A pattern that does not compile, is too long, or could backtrack without bound */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InvoiceTemplatesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An id that is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: ocr:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such template */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MailboxesController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                status?: "ACTIVE" | "PAUSED";
                health?: "UNKNOWN" | "HEALTHY" | "DEGRADED" | "UNHEALTHY";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailboxPageDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MailboxesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMailboxDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailboxResponseDto"];
                };
            };
            /** @description A host no IMAP server may be at (link-local, metadata, multicast, reserved), or settings that do not fit together */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Another mailbox has that name */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MailboxesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mailbox_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailboxResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No mailbox by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MailboxesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mailbox_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No mailbox by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MailboxesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mailbox_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMailboxDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailboxResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No mailbox by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Another mailbox has that name */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MailboxesController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mailbox_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailboxResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No mailbox by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MailboxesController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mailbox_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailboxResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No mailbox by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MailboxesController_check: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mailbox_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailboxCheckDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: email:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No mailbox by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    SubscriptionsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                channel?: "webhook" | "email" | "sms" | "in_app";
                status?: "ACTIVE" | "DISABLED";
                /** @description Only the subscriptions of this robot */
                robot_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionPageDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    SubscriptionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSubscriptionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionWithSecretDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    SubscriptionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No subscription by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    SubscriptionsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No subscription by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A built-in subscription (system:*): it follows the configuration */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    SubscriptionsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSubscriptionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No subscription by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A built-in subscription (system:*): it follows the configuration */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    SubscriptionsController_rotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionWithSecretDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No subscription by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Not a webhook subscription, or a built-in one */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    SubscriptionsController_enable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionResponseDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No subscription by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    SubscriptionsController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplayWindowDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayCountDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No subscription by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The subscription is DISABLED: enable it first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    DeliveriesController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                state?: "PENDING" | "SENDING" | "SENT" | "FAILED" | "DEAD";
                subscription_id?: string;
                channel?: "webhook" | "email" | "sms" | "in_app";
                event_type?: string;
                /** @description Created at or after (ISO 8601) */
                since?: string;
                /** @description Created before (ISO 8601) */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPageDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    DeliveriesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDetailDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No delivery by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    DeliveriesController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDetailDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No delivery by that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The delivery is still being tried, or its subscription is DISABLED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    TemplatesController_list: {
        parameters: {
            query?: {
                /** @description a catalogue event type, `*` (the generic template) or `digest` (several events in one message) */
                event_type?: "robot.created" | "robot.assigned" | "robot.started" | "robot.progress" | "robot.completed" | "robot.failed" | "robot.retrying" | "robot.cancelled" | "robot.sla_at_risk" | "module.health_changed" | "module.breaker_changed" | "alert.fired" | "alert.resolved" | "subscription.disabled" | "review.resolved" | "email.ingested" | "mailbox.health_changed" | "*" | "digest";
                /** @description webhooks are not rendered: their body is the event itself */
                channel?: "email" | "sms" | "in_app";
                locale?: "en" | "es";
                source?: "default" | "override";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateDto"][];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    TemplatesController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewTemplateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenderedTemplateDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The template does not compile, or names a field, helper or variable its event lacks (see errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    TemplatesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a catalogue event type, `*` (the generic template) or `digest` (several events in one message) */
                event_type: "robot.created" | "robot.assigned" | "robot.started" | "robot.progress" | "robot.completed" | "robot.failed" | "robot.retrying" | "robot.cancelled" | "robot.sla_at_risk" | "module.health_changed" | "module.breaker_changed" | "alert.fired" | "alert.resolved" | "subscription.disabled" | "review.resolved" | "email.ingested" | "mailbox.health_changed" | "*" | "digest";
                /** @description webhooks are not rendered: their body is the event itself */
                channel: "email" | "sms" | "in_app";
                locale: "en" | "es";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    TemplatesController_save: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a catalogue event type, `*` (the generic template) or `digest` (several events in one message) */
                event_type: "robot.created" | "robot.assigned" | "robot.started" | "robot.progress" | "robot.completed" | "robot.failed" | "robot.retrying" | "robot.cancelled" | "robot.sla_at_risk" | "module.health_changed" | "module.breaker_changed" | "alert.fired" | "alert.resolved" | "subscription.disabled" | "review.resolved" | "email.ingested" | "mailbox.health_changed" | "*" | "digest";
                /** @description webhooks are not rendered: their body is the event itself */
                channel: "email" | "sms" | "in_app";
                locale: "en" | "es";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveTemplateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The template does not compile, or names a field, helper or variable its event lacks (see errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    TemplatesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a catalogue event type, `*` (the generic template) or `digest` (several events in one message) */
                event_type: "robot.created" | "robot.assigned" | "robot.started" | "robot.progress" | "robot.completed" | "robot.failed" | "robot.retrying" | "robot.cancelled" | "robot.sla_at_risk" | "module.health_changed" | "module.breaker_changed" | "alert.fired" | "alert.resolved" | "subscription.disabled" | "review.resolved" | "email.ingested" | "mailbox.health_changed" | "*" | "digest";
                /** @description webhooks are not rendered: their body is the event itself */
                channel: "email" | "sms" | "in_app";
                locale: "en" | "es";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateDto"];
                };
            };
            /** @description Invalid input (problem+json with the failing fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No override is stored for that key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InboxController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Whose inbox (default: NOTIFY_ADMIN_AUDIENCE) */
                audience?: string;
                /** @description Only notifications not read yet */
                unread_only?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxPageDto"];
                };
            };
            /** @description A bad audience, unread_only, limit or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A module-bound key asking for an audience other than module:<its module> */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InboxController_unreadCount: {
        parameters: {
            query?: {
                /** @description Whose inbox (default: NOTIFY_ADMIN_AUDIENCE) */
                audience?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountDto"];
                };
            };
            /** @description A bad audience */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A module-bound key asking for an audience other than module:<its module> */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InboxController_markAllRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkAllReadDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedReadDto"];
                };
            };
            /** @description A bad audience or up_to_id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A module-bound key asking for an audience other than module:<its module> */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InboxController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxNotificationDto"];
                };
            };
            /** @description An id that is not a positive integer */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key lacks the scope: notifications:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such notification in an audience the key may read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit exceeded; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A backing service is unavailable or the request took too long; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InboxStreamController_stream: {
        parameters: {
            query?: {
                /** @description Whose notifications (default: NOTIFY_ADMIN_AUDIENCE) */
                audience?: string;
                /** @description Replay every notification after this id first (for clients that cannot send the Last-Event-ID header; the header wins) */
                last_event_id?: number;
            };
            header?: {
                /** @description The id of the last event received */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream: it stays open until the client or the server closes it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description A bad audience or Last-Event-ID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No API key, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A module-bound key asking for an audience other than module:<its module> */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The key holds NOTIFY_SSE_MAX_PER_KEY streams already, or its rate limit is exceeded */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The instance holds NOTIFY_SSE_MAX_CONNECTIONS streams, or is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
}
