// The sign-in screen (the `login` namespace), Chinese. Keep the keys in step with locale.en.ts.
export default {
  login: {
    title: '登录', username: '账号', password: '密码', submit: '登录', failed: '账号或密码错误',
    usernameRequired: '请输入账号', passwordRequired: '请输入密码', hint: "演示账号：admin / admin{'@'}Huoyan2026",
    locked: '失败次数过多，请稍后再试', offline: '无法连接服务器',
  },
}
