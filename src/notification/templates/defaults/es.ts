import type { LocaleCopy, LocaleFrame } from './event-copy.js';

export const ES_FRAME: LocaleFrame = {
  footer: 'botfleet · {{event.type}} · {{formatDate event.timestamp}}',
  digest: {
    title: 'botfleet: {{count}} notificaciones',
    intro: 'Ocurrieron {{count}} eventos:',
    sms: 'botfleet: {{count}} eventos: {{#each events}}{{line}}{{#unless @last}}; {{/unless}}{{/each}}',
  },
};

export const ES: LocaleCopy = {
  '*': {
    title: 'botfleet: {{event.type}}',
    body: [
      'El evento {{event.type}} ocurrió el {{formatDate event.timestamp}}.',
      '{{#if robot_id}}Robot: {{robot_id}}{{/if}}{{#if module_name}} Módulo: {{module_name}}{{/if}}',
    ],
    sms: 'botfleet: {{event.type}}{{#if robot_id}} {{robot_id}}{{/if}}{{#if module_name}} {{module_name}}{{/if}}',
  },
  'robot.created': {
    title: 'Robot {{robot_id}} creado',
    body: [
      'Se aceptó un robot {{data.robot_type}} con prioridad {{data.priority}}.',
      '{{#if data.assigned}}Se asignó a {{module_name}}.{{else}}Espera un módulo que procese {{data.robot_type}}.{{/if}}',
    ],
    sms: 'botfleet: robot {{robot_id}} ({{data.robot_type}}) creado.',
  },
  'robot.assigned': {
    title: 'Robot {{robot_id}} asignado',
    body: ['El robot {{robot_id}} se asignó al módulo {{module_name}}.'],
    sms: 'botfleet: robot {{robot_id}} asignado a {{module_name}}.',
  },
  'robot.started': {
    title: 'Robot {{robot_id}} iniciado',
    body: ['El módulo {{module_name}} inició el robot {{robot_id}} (ejecución {{data.execute_id}}).'],
    sms: 'botfleet: robot {{robot_id}} iniciado en {{module_name}}.',
  },
  'robot.progress': {
    title: 'Robot {{robot_id}}: {{percent data.progress_percentage}}',
    body: [
      'El robot {{robot_id}} va por el {{percent data.progress_percentage}}{{#if data.current_step}}, paso {{data.current_step}}{{/if}}.',
    ],
    sms: 'botfleet: robot {{robot_id}} al {{percent data.progress_percentage}}.',
  },
  'robot.completed': {
    title: 'Robot {{robot_id}} completado',
    body: [
      'El robot {{robot_id}} terminó bien en {{duration data.processing_time_ms}}{{#if module_name}} en {{module_name}}{{/if}}.',
    ],
    sms: 'botfleet: robot {{robot_id}} completado en {{duration data.processing_time_ms}}.',
  },
  'robot.failed': {
    title: 'Robot {{robot_id}} falló',
    body: [
      'El robot {{robot_id}} falló definitivamente tras {{data.retry_count}} reintentos.',
      'Categoría del error: {{data.error_category}}.',
    ],
    sms: 'botfleet: robot {{robot_id}} FALLÓ ({{data.error_category}}).',
  },
  'robot.retrying': {
    title: 'El robot {{robot_id}} se reintentará',
    body: [
      '{{#if data.manual}}Un operador volvió a encolar el robot {{robot_id}}{{#if data.from}} desde {{data.from}}{{/if}}.{{else}}El intento {{data.retry_count}} del robot {{robot_id}} falló ({{data.error_category}}); se reintenta en {{duration data.delay_ms}}.{{/if}}',
    ],
    sms: 'botfleet: robot {{robot_id}} en reintento ({{data.retry_count}}).',
  },
  'robot.cancelled': {
    title: 'Robot {{robot_id}} cancelado',
    body: ['El robot {{robot_id}} se canceló en estado {{data.from}}{{#if data.reason}}: {{data.reason}}{{/if}}.'],
    sms: 'botfleet: robot {{robot_id}} cancelado.',
  },
  'robot.sla_at_risk': {
    title: 'El robot {{robot_id}} puede no cumplir su plazo',
    body: [
      'El robot {{robot_id}} ({{data.robot_type}}) vence el {{data.deadline}}; {{#if data.estimated_completion}}se espera que termine el {{data.estimated_completion}}{{else}}ningún módulo puede tomarlo ahora{{/if}}{{#if data.queue_position}}, con {{data.queue_position}} robot(s) por delante{{/if}}.',
    ],
    sms: 'botfleet: el robot {{robot_id}} puede no cumplir su plazo {{data.deadline}}.',
  },
  'module.health_changed': {
    title: 'El módulo {{module_name}} está {{data.to}}',
    body: ['La salud del módulo {{module_name}} pasó de {{default data.from "UNKNOWN"}} a {{data.to}}.'],
    sms: 'botfleet: módulo {{module_name}} {{data.to}}.',
  },
  'module.breaker_changed': {
    title: 'Cortacircuitos de {{module_name}}: {{data.to}}',
    body: [
      'El cortacircuitos del módulo {{module_name}} pasó de {{data.from}} a {{data.to}}.',
      '{{#if (eq data.to "OPEN")}}No se le envían robots hasta que se entreabra.{{/if}}',
    ],
    sms: 'botfleet: cortacircuitos de {{module_name}} {{data.to}}.',
  },
  'alert.fired': {
    title: '[{{data.severity}}] {{data.rule}}: {{data.subject}}',
    body: [
      'La alerta {{data.rule}} se disparó para {{data.subject}}: {{data.message}}',
      'Valor {{formatNumber data.value}}, umbral {{formatNumber data.threshold}}, desde el {{formatDate data.fired_at}}.',
    ],
    sms: 'botfleet ALERTA {{data.severity}} {{data.rule}} ({{data.subject}}): {{data.message}}',
  },
  'alert.resolved': {
    title: 'Resuelta: {{data.rule}} ({{data.subject}})',
    body: [
      'La alerta {{data.rule}} de {{data.subject}} se resolvió el {{formatDate data.resolved_at}}.',
      'Se había disparado el {{formatDate data.fired_at}}: {{data.message}}',
    ],
    sms: 'botfleet: alerta {{data.rule}} ({{data.subject}}) resuelta.',
  },
  'subscription.disabled': {
    title: 'Suscripción de notificaciones desactivada',
    body: [
      'La suscripción {{data.channel}} {{data.subscription_id}} a {{data.target}} se desactivó: {{data.reason}}',
      'Corrija el receptor y vuelva a activar la suscripción; las entregas fallidas se pueden reenviar.',
    ],
    sms: 'botfleet: suscripción {{data.channel}} a {{data.target}} desactivada.',
  },
  'review.resolved': {
    title: 'Revisión {{data.review_id}} respondida',
    body: [
      'La revisión {{data.kind}} {{data.review_id}} fue respondida: {{data.status}}.',
      '{{#if data.document_id}}El documento {{data.document_id}} tiene ya los valores revisados.{{/if}}',
    ],
    sms: 'botfleet: revisión {{data.review_id}} {{data.status}}.',
  },
  'email.ingested': {
    title: 'Correo {{data.email_id}} recibido: {{data.status}}',
    body: [
      'Un correo de {{data.source}} se clasificó como {{#if data.class_name}}{{data.class_name}}{{else}}desconocido{{/if}} ({{data.confidence}}): {{data.status}}.',
      '{{#if data.contains_sensitive_data}}Contiene datos sensibles.{{/if}}',
    ],
    sms: 'botfleet: correo {{data.email_id}} {{data.status}}.',
  },
  'mailbox.health_changed': {
    title: 'El buzón {{data.name}} está {{data.to}}',
    body: [
      'El buzón {{data.name}} pasó de {{data.from}} a {{data.to}}.',
      '{{#if data.error}}Último error: {{data.error}}{{/if}}',
    ],
    sms: 'botfleet: buzón {{data.name}} {{data.to}}.',
  },
};
