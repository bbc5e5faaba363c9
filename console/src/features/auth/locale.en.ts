// The sign-in screen (the `login` namespace), English. Keep the keys in step with locale.zh-CN.ts.
export default {
  login: {
    title: 'Sign in', username: 'User name', password: 'Password', submit: 'Sign in', failed: 'Wrong user name or password',
    usernameRequired: 'Enter your user name', passwordRequired: 'Enter your password', hint: "Demo account: admin / admin{'@'}Huoyan2026",
    locked: 'Too many failed attempts; try again later', offline: 'Cannot reach the server',
  },
}
