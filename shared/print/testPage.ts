// 打印测试页: what a test page says, so the clerk can check at a glance that the right printer
// answered, Chinese prints (not boxes), and the paper's edges are where the notices expect.
export interface TestPageFacts {
  officeName: string;
  windowName: string;
  /** 「默认打印机」 or the notice's title the printer is set for. */
  slotLabel: string;
  /** 「HP LaserJet（A4）」「热敏打印机 192.168.1.50:9100」 */
  printerLabel: string;
  /** Already formatted, China time. */
  printedAt: string;
}

export const TEST_PAGE_TITLE = '打印测试页';
export const FONT_SAMPLE = '中文字体测试：一窗受理 综合窗口 立等可取 永和九年岁在癸丑 0123456789';

export function testPageLines(f: TestPageFacts): string[] {
  return [
    `${f.officeName} · ${f.windowName}`,
    `用途：${f.slotLabel}`,
    `打印机：${f.printerLabel}`,
    `打印时间：${f.printedAt}`,
    FONT_SAMPLE,
    '能清楚看到上面的中文、四边的框线完整，即打印机设置正确。',
  ];
}
