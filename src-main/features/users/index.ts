// The users feature's public surface: the account fields that setup and the password change
// share with the user screens, and the office name the password policy checks against.
export { newPasswordField, nipField, officeName, usernameField } from './api';
