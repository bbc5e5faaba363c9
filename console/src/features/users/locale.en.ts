// The accounts screen (the `users` namespace), English. Keep the keys in step with locale.zh-CN.ts.
export default {
  users: { title: 'Accounts', role: 'Role', jurisdiction: 'Jurisdiction', disabled: 'Disabled', active: 'Active', passwordHint: 'Leave empty to keep (8+ characters)' },
}
