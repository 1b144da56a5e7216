import {
  API_CONTENT_SECURITY_POLICY,
  contentSecurityPolicyFor,
  TOOL_UI_CONTENT_SECURITY_POLICY,
} from './security-headers.js';

describe('contentSecurityPolicyFor', () => {
  it.each(['/api/docs', '/api/docs/', '/api/docs/swagger-ui-init.js', '/admin/queues', '/admin/queues/api/queues?x=1'])(
    'gives the tool pages %s their looser policy',
    (url) => {
      expect(contentSecurityPolicyFor(url)).toBe(TOOL_UI_CONTENT_SECURITY_POLICY);
    },
  );

  it.each(['/api/v1/declarations', '/api/docs-json', '/api/docsx', '/health', '/admin/queuesx'])(
    'gives %s the API policy',
    (url) => {
      expect(contentSecurityPolicyFor(url)).toBe(API_CONTENT_SECURITY_POLICY);
    },
  );

  it('never lets scripts run inline anywhere', () => {
    expect(TOOL_UI_CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(API_CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
  });
});
