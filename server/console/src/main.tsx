import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './console.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider, App as AntApp } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { ConsoleApp } from './ConsoleApp';

dayjs.locale('zh-cn');

// The system's 减少动态效果 setting turns antd's animations off (also what E2E tests run with:
// no click lands on a dialog still zooming in).
const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { fontFamily: "'Noto Sans SC', 'Microsoft YaHei', sans-serif", colorPrimary: '#1f5fa8', motion: !reduceMotion } }}>
      <AntApp>
        <ConsoleApp />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
