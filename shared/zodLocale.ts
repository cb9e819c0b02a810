// Every validation message a user may read is Chinese: zod's built-in messages (too short,
// wrong type …) switch to its zh-CN locale wherever the shared schemas are loaded.
import { z } from 'zod';

z.config(z.locales.zhCN());
