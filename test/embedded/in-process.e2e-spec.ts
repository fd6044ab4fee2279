import { describe, expect, it } from '@jest/globals';
import { RobotReadsRepository } from '../../src/state/repositories/robot-reads.repository.js';
import { lifecycleClient } from '../support/lifecycle-scenarios.js';
import { http, useTestApp } from '../support/test-app.js';

type Robot = {
  robot_id: string;
  status: string;
  output_data: Record<string, unknown> | null;
  error_category: string | null;
};

describe('in-process module: the TextStats example (PGlite)', () => {
  const t = useTestApp();

  async function finished(robotId: string): Promise<Robot> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const robot = (await http<Robot>(`${t.url}/api/v1/robots/${robotId}`)).body;
      if (['COMPLETED', 'FAILED'].includes(robot.status) || Date.now() > deadline) return robot;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('is discovered at boot and registered as a healthy module', async () => {
    const module = await http<Record<string, unknown>>(`${t.url}/api/v1/modules/TextStatsModule`);
    expect(module.body).toMatchObject({
      module_id: 'TextStatsModule_1.0.0_local',
      supported_robot_types: ['text_stats'],
      health_status: 'HEALTHY',
      max_concurrent_robots: 100,
      registration_data: { in_process: true },
    });
  });

  it('runs a robot end to end, reporting every step', async () => {
    const api = lifecycleClient(t);
    const text = 'El robot lee el texto. El robot cuenta las palabras de la frase! Y termina.';
    const created = (await api.createRobot({ robot_type: 'text_stats', input_data: { text } })).body;
    expect(created.module_name).toBe('TextStatsModule');
    const robot = await finished(created.robot_id);
    expect(robot.status).toBe('COMPLETED');
    expect(robot.output_data).toEqual({
      characters: text.length,
      words: 15,
      sentences: 3,
      top_words: [
        { word: 'el', count: 3 },
        { word: 'robot', count: 2 },
        { word: 'cuenta', count: 1 },
        { word: 'de', count: 1 },
        // Ties by alphabetical order: cuenta, de, frase, la, las, ...
        { word: 'frase', count: 1 },
      ],
      language: 'es',
    });
    const [attempt] = (
      await api.send<Array<Record<string, unknown>>>('GET', `/api/v1/robots/${created.robot_id}/executions`)
    ).body;
    expect(attempt).toMatchObject({
      execution_state: 'COMPLETED',
      current_step: 'FINALIZE',
      step_category: 'FINALIZATION',
      completed_steps: 3,
      total_steps: 3,
    });
    const events = (await t.app.get(RobotReadsRepository).events(created.robot_id)).map((e) => e.event_type);
    expect(events).toEqual([
      'robot.created',
      'robot.started',
      'robot.progress',
      'robot.progress',
      'robot.progress',
      'robot.progress',
      'robot.completed',
    ]);
  });

  it('fails bad input as VALIDATION, without retrying', async () => {
    const api = lifecycleClient(t);
    const created = (await api.createRobot({ robot_type: 'text_stats', input_data: { text: 42 } })).body;
    const robot = await finished(created.robot_id);
    expect(robot).toMatchObject({ status: 'FAILED', error_category: 'VALIDATION' });
    expect((await api.send<unknown[]>('GET', `/api/v1/robots/${created.robot_id}/executions`)).body).toHaveLength(1);
  });

  it('runs many robots concurrently to completion', async () => {
    const api = lifecycleClient(t);
    const ids = await Promise.all(
      Array.from(
        { length: 20 },
        async (_, i) =>
          (await api.createRobot({ robot_type: 'text_stats', input_data: { text: `The text number ${i}.` } })).body
            .robot_id,
      ),
    );
    const robots = await Promise.all(ids.map(finished));
    expect(robots.map((r) => r.status)).toEqual(Array(20).fill('COMPLETED'));
  });
});
