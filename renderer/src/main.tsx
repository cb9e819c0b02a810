import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider, App as AntApp } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { App } from './App';
import { RatingScreen } from './ratingScreen/RatingScreen';

dayjs.locale('zh-cn');

// The system's 减少动态效果 setting turns antd's animations off (also what E2E tests run with:
// no click lands on a dialog still zooming in).
const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { fontFamily: "'Noto Sans SC', 'Microsoft YaHei', sans-serif", colorPrimary: '#1f5fa8', motion: !reduceMotion } }}>
      <AntApp>
        {/* The same bundle serves the applicant-facing 评价器 (second screen). */}
        {window.location.hash === '#rating-screen' ? <RatingScreen /> : <App />}
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
