// The accounts screen (the `users` namespace), Chinese. Keep the keys in step with locale.en.ts.
export default {
  users: { title: '账号管理', role: '角色', jurisdiction: '辖区', disabled: '已停用', active: '正常', passwordHint: '留空则不修改（至少 8 位）' },
}
