/** Zod with Chinese messages: every schema imports `z` from here, so errors reach users in Chinese. */
import { z } from 'zod';

z.config(z.locales.zhCN());

export { z };
