// The bare baseline for `npm run bench:core`: Fastify + `pg`, no Nest, no validation, no routing,
// no cache. POST /robots runs the very statement botfleet's RobotIntakeRepository.create runs
// (robot + outbox event, one statement, one transaction) on the same schema, so the ratio between the two servers is the cost of the framework around that SQL.
//
// Env: DATABASE_URL, PORT, POOL_MAX (the app's write pool size, for a like-for-like comparison).
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 5) });
const app = Fastify({ logger: false });

const CREATE = `WITH inserted AS (
   INSERT INTO robots (robot_id, robot_type, module_name, input_data, priority, cache_key, correlation_id,
                       source_reference, retry_limit, timeout_seconds, deadline_at, routing_decision)
   VALUES ($1 || '_' || floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint || '_' || nextval('robot_seq'),
           $2, $3, $4, $5, NULL, NULL, NULL, 3, 1800, NULL, $6)
   RETURNING *
 ), event AS (
   INSERT INTO events (event_type, robot_id, module_name, payload)
   SELECT 'robot.created', robot_id, module_name,
          jsonb_build_object('robot_type', robot_type, 'priority', priority, 'assigned', module_name IS NOT NULL)
     FROM inserted
 )
 SELECT * FROM inserted`;

app.post('/robots', async (request, reply) => {
  const body = request.body;
  const { rows } = await pool.query(CREATE, [
    body.robot_type.split('_')[0].toUpperCase(),
    body.robot_type,
    process.env.BASELINE_MODULE ?? null,
    body.input_data,
    body.priority ?? 'NORMAL',
    { selected_module: process.env.BASELINE_MODULE ?? null },
  ]);
  return reply.status(201).send(rows[0]);
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1', backlog: 4096 });
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
