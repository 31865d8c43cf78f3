import { common } from '../../strings.js';

export const roleOptions = Object.entries(common.roles).map(([value, label]) => ({ value, label }));
