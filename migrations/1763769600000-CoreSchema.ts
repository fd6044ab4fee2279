import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The three core tables of `shared/seeds/modelo-de-datos.md`, column for column, with their enums
 * and indexes (partial ones included). One deliberate addition: CANCELLED in `robot_status_enum`
 * (DESIGN.md: a robot can be cancelled; the seeds' execution enum already has the value).
 *
 * Only PostgreSQL 15 features: CI runs 15, PGlite is 18.
 */
export class CoreSchema1763769600000 implements MigrationInterface {
  name = 'CoreSchema1763769600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE module_health_enum AS ENUM ('HEALTHY', 'DEGRADED', 'UNHEALTHY', 'UNKNOWN')`);
    await db.query(`CREATE TYPE performance_tier_enum AS ENUM ('HIGH', 'MEDIUM', 'LOW', 'CRITICAL')`);
    await db.query(
      `CREATE TYPE robot_status_enum AS ENUM ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'RETRYING', 'CANCELLED')`,
    );
    await db.query(`CREATE TYPE priority_enum AS ENUM ('LOW', 'NORMAL', 'HIGH', 'CRITICAL')`);
    await db.query(`CREATE TYPE processing_tier_enum AS ENUM ('FAST', 'STANDARD', 'COMPLEX', 'BULK')`);
    await db.query(
      `CREATE TYPE execution_state_enum AS ENUM ('PENDING', 'RUNNING', 'PAUSED', 'COMPLETED', 'FAILED', 'RETRYING', 'CANCELLED')`,
    );
    await db.query(
      `CREATE TYPE step_category_enum AS ENUM ('INIT', 'VALIDATION', 'PROCESSING', 'EXTERNAL_API', 'FINALIZATION')`,
    );

    await db.query(`
      CREATE TABLE module_registry (
        module_id VARCHAR(100) PRIMARY KEY,
        module_name VARCHAR(100) NOT NULL UNIQUE,
        module_version VARCHAR(50) NOT NULL,
        supported_robot_types TEXT[] NOT NULL,
        is_active BOOLEAN NOT NULL DEFAULT TRUE,
        health_endpoint VARCHAR(200),
        registration_data JSONB,

        performance_score DECIMAL(3,2) DEFAULT 1.0,
        performance_tier performance_tier_enum DEFAULT 'MEDIUM',
        last_performance_check TIMESTAMP,
        error_count_24h INTEGER DEFAULT 0,
        success_rate_24h DECIMAL(5,2) DEFAULT 100.0,
        avg_processing_time_ms INTEGER DEFAULT 0,
        capacity_utilization DECIMAL(3,2) DEFAULT 0.0,

        health_status module_health_enum DEFAULT 'UNKNOWN',
        last_health_check TIMESTAMP,
        consecutive_failures INTEGER DEFAULT 0,
        last_error_message TEXT,
        uptime_percentage_24h DECIMAL(5,2) DEFAULT 100.0,

        total_robots_processed INTEGER DEFAULT 0,
        total_processing_time_hours DECIMAL(8,2) DEFAULT 0.0,

        security_level VARCHAR(20) DEFAULT 'BASIC',
        compliance_flags JSONB DEFAULT '{}',
        enterprise_features JSONB DEFAULT '{}',

        registered_at TIMESTAMP NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMP NOT NULL DEFAULT NOW()
      )`);
    await db.query(`
      CREATE INDEX idx_module_active_performance ON module_registry (is_active, performance_tier, performance_score)
      WHERE is_active = true`);
    await db.query(`
      CREATE INDEX idx_module_health_monitoring ON module_registry (health_status, last_health_check)
      WHERE is_active = true`);
    await db.query(`
      CREATE INDEX idx_module_routing_optimization ON module_registry (supported_robot_types, capacity_utilization, performance_score)
      WHERE is_active = true AND health_status = 'HEALTHY'`);
    await db.query(`
      CREATE INDEX idx_module_error_tracking ON module_registry (error_count_24h, success_rate_24h, consecutive_failures)`);

    await db.query(`
      CREATE TABLE robots (
        robot_id VARCHAR(50) PRIMARY KEY,
        robot_type VARCHAR(50) NOT NULL,
        status robot_status_enum NOT NULL DEFAULT 'PENDING',
        module_name VARCHAR(100) NOT NULL REFERENCES module_registry (module_name),
        input_data JSONB NOT NULL,
        output_data JSONB,
        priority priority_enum NOT NULL DEFAULT 'NORMAL',

        performance_metrics JSONB DEFAULT '{}',
        processing_time_ms INTEGER,
        processing_tier processing_tier_enum DEFAULT 'STANDARD',
        cache_hit BOOLEAN DEFAULT FALSE,
        cache_key VARCHAR(255),
        resource_usage_mb INTEGER,

        retry_count INTEGER DEFAULT 0,
        retry_limit INTEGER DEFAULT 3,
        error_details JSONB,
        error_category VARCHAR(50),
        last_error_at TIMESTAMP,

        completeness_score DECIMAL(3,2) DEFAULT 0.0,
        confidence_score DECIMAL(3,2) DEFAULT 0.0,
        source_reference VARCHAR(200),
        correlation_id VARCHAR(100),

        estimated_duration_minutes INTEGER,
        actual_duration_minutes INTEGER,
        complexity_score DECIMAL(2,1) DEFAULT 1.0,

        security_classification VARCHAR(20) DEFAULT 'STANDARD',
        compliance_tags TEXT[],
        enterprise_metadata JSONB DEFAULT '{}',

        created_at TIMESTAMP NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMP NOT NULL DEFAULT NOW(),
        started_at TIMESTAMP,
        completed_at TIMESTAMP
      )`);
    await db.query(`
      CREATE INDEX idx_robots_active_processing ON robots (status, module_name, priority, created_at)
      WHERE status IN ('PENDING', 'PROCESSING', 'RETRYING')`);
    await db.query(`
      CREATE INDEX idx_robots_performance_analysis ON robots (status, processing_tier, processing_time_ms, cache_hit)
      WHERE status = 'COMPLETED'`);
    await db.query(`
      CREATE INDEX idx_robots_error_tracking ON robots (status, error_category, retry_count, last_error_at)
      WHERE status IN ('FAILED', 'RETRYING')`);
    await db.query(`CREATE INDEX idx_robots_type_priority ON robots (robot_type, priority, status, created_at)`);
    await db.query(`
      CREATE INDEX idx_robots_correlation ON robots (correlation_id, source_reference)
      WHERE correlation_id IS NOT NULL`);
    await db.query(`
      CREATE UNIQUE INDEX idx_robots_cache_key ON robots (cache_key)
      WHERE cache_key IS NOT NULL`);

    await db.query(`
      CREATE TABLE robot_execute (
        execute_id VARCHAR(50) PRIMARY KEY,
        robot_id VARCHAR(50) NOT NULL REFERENCES robots (robot_id) ON DELETE CASCADE,
        module_name VARCHAR(100) NOT NULL,
        execution_state execution_state_enum NOT NULL DEFAULT 'PENDING',
        current_step VARCHAR(100),
        progress_percentage SMALLINT DEFAULT 0,

        step_category step_category_enum DEFAULT 'INIT',
        total_steps INTEGER DEFAULT 1,
        completed_steps INTEGER DEFAULT 0,
        step_details JSONB DEFAULT '{}',
        step_start_time TIMESTAMP,
        step_duration_ms INTEGER,

        cpu_usage_percent DECIMAL(5,2),
        memory_usage_mb INTEGER,
        disk_io_mb INTEGER,
        network_io_mb INTEGER,
        resource_peak_usage JSONB DEFAULT '{}',

        throughput_items_per_sec DECIMAL(8,2),
        processing_rate DECIMAL(8,2),
        efficiency_score DECIMAL(3,2) DEFAULT 1.0,

        started_at TIMESTAMP NOT NULL DEFAULT NOW(),
        completed_at TIMESTAMP,
        estimated_completion_at TIMESTAMP,
        duration_ms INTEGER,

        retry_count INTEGER DEFAULT 0,
        max_retries INTEGER DEFAULT 3,
        last_retry_at TIMESTAMP,
        timeout_seconds INTEGER DEFAULT 1800,
        error_message TEXT,
        error_stack_trace TEXT,

        execution_metadata JSONB DEFAULT '{}',
        contains_sensitive_data BOOLEAN DEFAULT FALSE,
        compliance_context JSONB DEFAULT '{}',

        external_api_calls INTEGER DEFAULT 0,
        external_api_duration_ms INTEGER DEFAULT 0,
        external_api_failures INTEGER DEFAULT 0
      )`);
    await db.query(`
      CREATE INDEX idx_execute_active_monitoring ON robot_execute (execution_state, current_step, progress_percentage, started_at)
      WHERE execution_state IN ('RUNNING', 'RETRYING', 'PAUSED')`);
    await db.query(`
      CREATE INDEX idx_execute_performance_analysis ON robot_execute (module_name, execution_state, duration_ms, efficiency_score, completed_at)
      WHERE completed_at IS NOT NULL`);
    await db.query(`
      CREATE INDEX idx_execute_resource_tracking ON robot_execute (cpu_usage_percent, memory_usage_mb, started_at)
      WHERE execution_state = 'RUNNING'`);
    await db.query(
      `CREATE INDEX idx_execute_step_analysis ON robot_execute (step_category, step_duration_ms, completed_at)`,
    );
    await db.query(
      `CREATE INDEX idx_execute_robot_progress ON robot_execute (robot_id, progress_percentage, execution_state)`,
    );
    await db.query(`
      CREATE INDEX idx_execute_timeout_monitoring ON robot_execute (started_at, timeout_seconds, execution_state)
      WHERE execution_state IN ('RUNNING', 'PAUSED')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE robot_execute`);
    await db.query(`DROP TABLE robots`);
    await db.query(`DROP TABLE module_registry`);
    for (const type of [
      'step_category_enum',
      'execution_state_enum',
      'processing_tier_enum',
      'priority_enum',
      'robot_status_enum',
      'performance_tier_enum',
      'module_health_enum',
    ]) {
      await db.query(`DROP TYPE ${type}`);
    }
  }
}
