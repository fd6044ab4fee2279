import type { LocaleCopy, LocaleFrame } from './event-copy.js';

export const EN_FRAME: LocaleFrame = {
  footer: 'botfleet · {{event.type}} · {{formatDate event.timestamp}}',
  digest: {
    title: 'botfleet: {{count}} notifications',
    intro: '{{count}} events happened:',
    sms: 'botfleet: {{count}} events: {{#each events}}{{line}}{{#unless @last}}; {{/unless}}{{/each}}',
  },
};

export const EN: LocaleCopy = {
  '*': {
    title: 'botfleet: {{event.type}}',
    body: [
      'Event {{event.type}} happened at {{formatDate event.timestamp}}.',
      '{{#if robot_id}}Robot: {{robot_id}}{{/if}}{{#if module_name}} Module: {{module_name}}{{/if}}',
    ],
    sms: 'botfleet: {{event.type}}{{#if robot_id}} {{robot_id}}{{/if}}{{#if module_name}} {{module_name}}{{/if}}',
  },
  'robot.created': {
    title: 'Robot {{robot_id}} created',
    body: [
      'A {{data.robot_type}} robot was accepted with priority {{data.priority}}.',
      '{{#if data.assigned}}It was assigned to {{module_name}}.{{else}}It waits for a module that handles {{data.robot_type}}.{{/if}}',
    ],
    sms: 'botfleet: robot {{robot_id}} ({{data.robot_type}}) created.',
  },
  'robot.assigned': {
    title: 'Robot {{robot_id}} assigned',
    body: ['Robot {{robot_id}} was assigned to module {{module_name}}.'],
    sms: 'botfleet: robot {{robot_id}} assigned to {{module_name}}.',
  },
  'robot.started': {
    title: 'Robot {{robot_id}} started',
    body: ['Module {{module_name}} started robot {{robot_id}} (execution {{data.execute_id}}).'],
    sms: 'botfleet: robot {{robot_id}} started on {{module_name}}.',
  },
  'robot.progress': {
    title: 'Robot {{robot_id}}: {{percent data.progress_percentage}}',
    body: [
      'Robot {{robot_id}} is at {{percent data.progress_percentage}}{{#if data.current_step}}, step {{data.current_step}}{{/if}}.',
    ],
    sms: 'botfleet: robot {{robot_id}} at {{percent data.progress_percentage}}.',
  },
  'robot.completed': {
    title: 'Robot {{robot_id}} completed',
    body: [
      'Robot {{robot_id}} finished well in {{duration data.processing_time_ms}}{{#if module_name}} on {{module_name}}{{/if}}.',
    ],
    sms: 'botfleet: robot {{robot_id}} completed in {{duration data.processing_time_ms}}.',
  },
  'robot.failed': {
    title: 'Robot {{robot_id}} failed',
    body: [
      'Robot {{robot_id}} failed for good after {{data.retry_count}} retries.',
      'Error category: {{data.error_category}}.',
    ],
    sms: 'botfleet: robot {{robot_id}} FAILED ({{data.error_category}}).',
  },
  'robot.retrying': {
    title: 'Robot {{robot_id}} will be retried',
    body: [
      '{{#if data.manual}}An operator requeued robot {{robot_id}}{{#if data.from}} from {{data.from}}{{/if}}.{{else}}Attempt {{data.retry_count}} of robot {{robot_id}} failed ({{data.error_category}}); it is retried in {{duration data.delay_ms}}.{{/if}}',
    ],
    sms: 'botfleet: robot {{robot_id}} retrying (retry {{data.retry_count}}).',
  },
  'robot.cancelled': {
    title: 'Robot {{robot_id}} cancelled',
    body: ['Robot {{robot_id}} was cancelled while {{data.from}}{{#if data.reason}}: {{data.reason}}{{/if}}.'],
    sms: 'botfleet: robot {{robot_id}} cancelled.',
  },
  'robot.sla_at_risk': {
    title: 'Robot {{robot_id}} may miss its deadline',
    body: [
      'Robot {{robot_id}} ({{data.robot_type}}) is due at {{data.deadline}}; {{#if data.estimated_completion}}it is expected to finish at {{data.estimated_completion}}{{else}}no module can take it now{{/if}}{{#if data.queue_position}}, {{data.queue_position}} robot(s) ahead of it{{/if}}.',
    ],
    sms: 'botfleet: robot {{robot_id}} may miss its deadline {{data.deadline}}.',
  },
  'module.health_changed': {
    title: 'Module {{module_name}} is {{data.to}}',
    body: ['The health of module {{module_name}} changed from {{default data.from "UNKNOWN"}} to {{data.to}}.'],
    sms: 'botfleet: module {{module_name}} is {{data.to}}.',
  },
  'module.breaker_changed': {
    title: 'Circuit breaker of {{module_name}}: {{data.to}}',
    body: [
      'The circuit breaker of module {{module_name}} went from {{data.from}} to {{data.to}}.',
      '{{#if (eq data.to "OPEN")}}No robots are routed to it until it half-opens.{{/if}}',
    ],
    sms: 'botfleet: breaker of {{module_name}} {{data.to}}.',
  },
  'alert.fired': {
    title: '[{{data.severity}}] {{data.rule}}: {{data.subject}}',
    body: [
      'Alert {{data.rule}} fired for {{data.subject}}: {{data.message}}',
      'Value {{formatNumber data.value}}, threshold {{formatNumber data.threshold}}, since {{formatDate data.fired_at}}.',
    ],
    sms: 'botfleet ALERT {{data.severity}} {{data.rule}} ({{data.subject}}): {{data.message}}',
  },
  'alert.resolved': {
    title: 'Resolved: {{data.rule}} ({{data.subject}})',
    body: [
      'Alert {{data.rule}} for {{data.subject}} resolved at {{formatDate data.resolved_at}}.',
      'It had fired at {{formatDate data.fired_at}}: {{data.message}}',
    ],
    sms: 'botfleet: alert {{data.rule}} ({{data.subject}}) resolved.',
  },
  'subscription.disabled': {
    title: 'Notification subscription disabled',
    body: [
      'The {{data.channel}} subscription {{data.subscription_id}} to {{data.target}} was disabled: {{data.reason}}',
      'Fix the receiver, then enable the subscription again; failed deliveries can be replayed.',
    ],
    sms: 'botfleet: {{data.channel}} subscription to {{data.target}} disabled.',
  },
  'review.resolved': {
    title: 'Review {{data.review_id}} answered',
    body: [
      'The {{data.kind}} review {{data.review_id}} was answered: {{data.status}}.',
      '{{#if data.document_id}}Document {{data.document_id}} now holds the reviewed values.{{/if}}',
    ],
    sms: 'botfleet: review {{data.review_id}} {{data.status}}.',
  },
  'email.ingested': {
    title: 'Email {{data.email_id}} taken in: {{data.status}}',
    body: [
      'An email from {{data.source}} was classified as {{#if data.class_name}}{{data.class_name}}{{else}}unknown{{/if}} ({{data.confidence}}): {{data.status}}.',
      '{{#if data.contains_sensitive_data}}It contains sensitive data.{{/if}}',
    ],
    sms: 'botfleet: email {{data.email_id}} {{data.status}}.',
  },
  'mailbox.health_changed': {
    title: 'Mailbox {{data.name}} is {{data.to}}',
    body: [
      'The mailbox {{data.name}} went from {{data.from}} to {{data.to}}.',
      '{{#if data.error}}Last error: {{data.error}}{{/if}}',
    ],
    sms: 'botfleet: mailbox {{data.name}} {{data.to}}.',
  },
};
