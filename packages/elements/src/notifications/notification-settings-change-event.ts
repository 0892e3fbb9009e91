import type { NotificationSettings } from './settings-client.js';

/** Fired once the person's server has saved a change of their notification settings. */
export class MutualNotificationSettingsChangeEvent extends Event {
  static readonly eventName = 'mutual-notification-settings-change';

  readonly mode: NotificationSettings['mode'];
  readonly locale: NotificationSettings['locale'];

  constructor(settings: NotificationSettings) {
    super(MutualNotificationSettingsChangeEvent.eventName, { bubbles: true, composed: true });
    this.mode = settings.mode;
    this.locale = settings.locale;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mutual-notification-settings-change': MutualNotificationSettingsChangeEvent;
  }
}
