import { describe, expect, it } from '@jest/globals';
import { type DynamicModule, Inject, Injectable, Module } from '@nestjs/common';
import { AppModule } from '../../src/app.module.js';
import { CreateRobotCommand, ROBOT_INTAKE, type RobotIntake } from '../../src/sdk/index.js';
import { RobotReadsRepository } from '../../src/state/repositories/robot-reads.repository.js';
import { lifecycleClient } from '../support/lifecycle-scenarios.js';
import { http, useTestApp } from '../support/test-app.js';

/** A caller the way Email or OCR will be: it knows the SDK and nothing of the Orchestrator or HTTP. */
@Injectable()
class MailboxReader {
  constructor(@Inject(ROBOT_INTAKE) readonly intake: RobotIntake) {}
}

@Module({ providers: [MailboxReader] })
class MailboxModule {}

const withMailbox = (): DynamicModule => ({ module: MailboxModule, imports: [AppModule.forRoot()] });

type Robot = Record<string, unknown> & { robot_id: string; status: string };

describe('robot intake (PGlite)', () => {
  const t = useTestApp({}, withMailbox);
  const intake = () => t.app.get(MailboxReader).intake;

  async function finished(robotId: string): Promise<Robot> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const robot = (await http<Robot>(`${t.url}/api/v1/robots/${robotId}`)).body;
      if (['COMPLETED', 'FAILED'].includes(robot.status) || Date.now() > deadline) return robot;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const events = async (robotId: string) =>
    (await t.app.get(RobotReadsRepository).events(robotId)).map((e) => e.event_type);

  describe('without HTTP', () => {
    it('creates a robot that is routed, processed and recorded like one sent over REST', async () => {
      const text = 'The robot reads the text. It counts the words.';
      const rest = (await lifecycleClient(t).createRobot({ robot_type: 'text_stats', input_data: { text } })).body;
      const { robot, created } = await intake().create(
        CreateRobotCommand.create({
          robot_type: 'text_stats',
          input_data: { text },
          source_reference: 'email:msg-1@example.com',
        }),
      );
      expect(created).toBe(true);
      expect(robot).toMatchObject({
        robot_type: 'text_stats',
        status: 'PENDING',
        module_name: 'TextStatsModule',
        priority: 'NORMAL',
        source_reference: 'email:msg-1@example.com',
        correlation_id: null,
      });

      const [viaIntake, viaRest] = await Promise.all([finished(robot.robot_id), finished(rest.robot_id)]);
      expect(viaIntake).toMatchObject({ status: 'COMPLETED', retry_limit: 3, timeout_seconds: 1800 });
      expect(viaIntake.output_data).toEqual(viaRest.output_data);
      expect(await events(robot.robot_id)).toEqual(await events(rest.robot_id));
    });

    it('creates many robots in order, each processed', async () => {
      const commands = ['One.', 'Two words.', 'Three words here.'].map((text) =>
        CreateRobotCommand.create({ robot_type: 'text_stats', input_data: { text }, correlation_id: 'scan-0042' }),
      );
      const { robots, created } = await intake().createMany(commands);
      expect(created).toBe(true);
      const done = await Promise.all(robots.map((r) => finished(r.robot_id)));
      expect(done.map((r) => [r.status, r.correlation_id, (r.output_data as { words: number }).words])).toEqual([
        ['COMPLETED', 'scan-0042', 1],
        ['COMPLETED', 'scan-0042', 2],
        ['COMPLETED', 'scan-0042', 3],
      ]);
    });

    it('answers a repeat with the same idempotency key with the first robot, and refuses other work under it', async () => {
      const command = CreateRobotCommand.create({ robot_type: 'text_stats', input_data: { text: 'Once.' } });
      const first = await intake().create(command, 'email:msg-2.example.com');
      const again = await intake().create(command, 'email:msg-2.example.com');
      expect([again.robot.robot_id, again.created]).toEqual([first.robot.robot_id, false]);
      const other = CreateRobotCommand.create({ robot_type: 'text_stats', input_data: { text: 'Twice.' } });
      await expect(intake().create(other, 'email:msg-2.example.com')).rejects.toMatchObject({
        code: 'IDEMPOTENCY_KEY_REUSED',
      });
    });

    it('refuses a bad idempotency key and an empty or oversized batch, creating nothing', async () => {
      const command = CreateRobotCommand.create({ robot_type: 'text_stats', input_data: { text: 'x' } });
      const before = await t.db.query('SELECT count(*)::int AS n FROM robots');
      await expect(intake().create(command, '<msg-3@example.com>')).rejects.toMatchObject({
        code: 'INVALID_IDEMPOTENCY_KEY',
      });
      await expect(intake().createMany([])).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(intake().createMany(Array(1_001).fill(command))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect((await t.db.query('SELECT count(*)::int AS n FROM robots')).rows).toEqual(before.rows);
    });
  });

  describe('over REST, answered as before the intake', () => {
    it('fills the defaults and echoes every field given', async () => {
      const api = lifecycleClient(t);
      const plain = await api.createRobot({ robot_type: 'text_stats', input_data: { text: 'Hi.' } });
      expect(plain.status).toBe(201);
      expect(plain.body).toMatchObject({
        priority: 'NORMAL',
        retry_limit: 3,
        timeout_seconds: 1800,
        correlation_id: null,
        source_reference: null,
        deadline: null,
      });
      const full = await api.createRobot({
        robot_type: 'text_stats',
        input_data: { text: 'Hi.' },
        priority: 'HIGH',
        correlation_id: 'batch-7',
        source_reference: 'upload:scan-7.pdf',
        retry_limit: 0,
        timeout_seconds: 60,
        deadline: '2030-01-02T03:04:05Z',
      });
      expect(full.body).toMatchObject({
        priority: 'HIGH',
        correlation_id: 'batch-7',
        source_reference: 'upload:scan-7.pdf',
        retry_limit: 0,
        timeout_seconds: 60,
        deadline: '2030-01-02T03:04:05.000Z',
      });
    });

    it('refuses a bad Idempotency-Key with the same problem, single or bulk', async () => {
      const api = lifecycleClient(t);
      const expected = {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Idempotency-Key must be 8-255 letters, digits, . _ : or -.',
        code: 'INVALID_IDEMPOTENCY_KEY',
      };
      const robot = { robot_type: 'text_stats', input_data: { text: 'Hi.' } };
      const single = await api.createRobot(robot, { 'Idempotency-Key': 'bad key!' });
      expect(single.status).toBe(400);
      expect(single.body).toMatchObject({ ...expected, instance: '/api/v1/robots' });
      const bulk = await api.send('POST', '/api/v1/robots/bulk', { robots: [robot] }, { 'Idempotency-Key': 'short' });
      expect(bulk.status).toBe(400);
      expect(bulk.body).toMatchObject({ ...expected, instance: '/api/v1/robots/bulk' });
    });

    it('refuses invalid fields with the validation problem, listing each', async () => {
      const api = lifecycleClient(t);
      const bad = await api.createRobot({
        robot_type: 'text_stats',
        input_data: {},
        retry_limit: 11,
        deadline: 'soon',
      });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: ['retry_limit must not be greater than 10', 'deadline must be an ISO 8601 date-time'],
      });
    });
  });
});
