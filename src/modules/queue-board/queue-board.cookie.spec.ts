import { readCookie } from '../../common/http/cookie.js';
import { QUEUE_BOARD_COOKIE, queueBoardCookie } from './queue-board.cookie.js';

describe('queue board cookie', () => {
  it('finds the named cookie among others, whatever the spacing', () => {
    expect(readCookie(`a=1; ${QUEUE_BOARD_COOKIE}=t.o.k; b=2`, QUEUE_BOARD_COOKIE)).toBe('t.o.k');
    expect(readCookie(`${QUEUE_BOARD_COOKIE}=abc`, QUEUE_BOARD_COOKIE)).toBe('abc');
    expect(readCookie(`a=1;${QUEUE_BOARD_COOKIE}=x=y`, QUEUE_BOARD_COOKIE)).toBe('x=y');
  });

  it('answers null when the cookie is absent, empty or only a prefix of another name', () => {
    expect(readCookie(undefined, QUEUE_BOARD_COOKIE)).toBeNull();
    expect(readCookie('', QUEUE_BOARD_COOKIE)).toBeNull();
    expect(readCookie(`${QUEUE_BOARD_COOKIE}=`, QUEUE_BOARD_COOKIE)).toBeNull();
    expect(readCookie(`${QUEUE_BOARD_COOKIE}_old=abc; x${QUEUE_BOARD_COOKIE}=def`, QUEUE_BOARD_COOKIE)).toBeNull();
  });

  it('sets an HttpOnly, SameSite=Strict cookie scoped to the dashboard path, living as long as the token', () => {
    expect(queueBoardCookie('tok', 899.7, false, '/admin/queues')).toBe(
      `${QUEUE_BOARD_COOKIE}=tok; Max-Age=899; Path=/admin/queues; HttpOnly; SameSite=Strict`,
    );
    expect(queueBoardCookie('tok', 0, true, '/admin/queues')).toBe(
      `${QUEUE_BOARD_COOKIE}=tok; Max-Age=1; Path=/admin/queues; HttpOnly; SameSite=Strict; Secure`,
    );
  });
});
