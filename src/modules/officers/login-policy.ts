import { Inject, Injectable } from '@nestjs/common';
import { type AuthConfig, authConfig } from '../../config/config-groups.js';
import { KnownDevices } from './known-device.js';
import { loginLimitsOf } from './login-answers.js';
import type { LoginLimits } from './login-throttle.js';
import { passwordWork } from './password.js';

export const OFFICER_DEVICE_COOKIE = 'bg_officer_device';
export const COMPANY_DEVICE_COOKIE = 'bg_company_device';

/**
 * The login settings in one place: the limits, the known-device cookies of both kinds of sign-in, and the size
 * of the process's password-hashing gate (set here because this is built once at start in every process role).
 */
@Injectable()
export class LoginPolicy {
  readonly limits: LoginLimits;
  readonly officerDevices: KnownDevices;
  readonly companyDevices: KnownDevices;

  constructor(@Inject(authConfig.KEY) config: AuthConfig) {
    this.limits = loginLimitsOf(config);
    const lifetime = config.knownDeviceDays * 86_400;
    this.officerDevices = new KnownDevices(config.tokenSecret, 'officer', lifetime);
    this.companyDevices = new KnownDevices(config.tokenSecret, 'company', lifetime);
    passwordWork.resize(config.passwordHashConcurrency, config.passwordHashQueue);
  }
}
