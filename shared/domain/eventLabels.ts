// The window's own event types in the clerk's words (the status area's list of held uploads).
// Keyed by the union's type: a new window event does not compile until it has its name here.
import type { WindowEventType } from './caseEvents';

export const WINDOW_EVENT_LABEL: Record<WindowEventType, string> = {
  'case.opened': '受理登记',
  'case.decided': '受理决定',
  'case.supplemented': '补正',
  'case.pagesAttached': '扫描件',
  'case.completed': '办结',
  'case.terminated': '终止',
  'case.delivered': '出件',
  'case.rated': '好差评',
};
