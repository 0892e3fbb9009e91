import { MutualNotificationSettings } from './notification-settings.js';

export { MutualNotificationSettings };
export { MutualNotificationSettingsChangeEvent } from './notification-settings-change-event.js';

// Defining twice (two bundles on one page) would throw; the first definition wins.
if (!customElements.get('mutual-notification-settings')) customElements.define('mutual-notification-settings', MutualNotificationSettings);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-notification-settings': MutualNotificationSettings;
  }
}
