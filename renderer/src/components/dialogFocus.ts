// Where the keyboard starts in a dialog. antd opens dialogs in a portal: an input's autoFocus
// runs before the portal is in the page when the dialog opens without animation (the system's
// 减少动态效果, see main.tsx), and the dialog's focus trap then hands the keyboard to its first
// button (关闭). Each dialog names its starting field and gives it the focus once it is open.

/** For a Modal's afterOpenChange: focuses the element `selector` finds in the open dialog `testId`. */
export const focusOnOpen =
  (testId: string, selector: string) =>
  (open: boolean): void => {
    if (open) document.querySelector<HTMLElement>(`[data-testid="${testId}"] ${selector}`)?.focus();
  };
