import type { Catalog } from './messages.en.js';

/** Tiếng Việt: the glossary's words; placeholders as in messages.en.ts. */
export const vi: Catalog = {
  'request.fieldProblem': '{field}: {problem}',
  'request.fieldProblems': '{field}: {problem} (và {more} lỗi khác)',
  'request.invalidJson':
    'Nội dung yêu cầu không phải JSON hợp lệ: kiểm tra dấu ngoặc kép, dấu phẩy và dấu ngoặc, và gửi kèm Content-Type: application/json',
  'request.emptyJson': 'Nội dung yêu cầu trống nhưng Content-Type là JSON: hãy gửi một đối tượng JSON',
  'request.bodyTooLarge': 'Nội dung yêu cầu lớn hơn mức dịch vụ chấp nhận; hãy gửi nội dung nhỏ hơn',
  'request.unsupportedMediaType': 'Hãy gửi nội dung dưới dạng JSON với header Content-Type: application/json',
  'request.badContentLength': 'Header Content-Length không khớp với nội dung; hãy để ứng dụng HTTP tự đặt header này',
  'request.malformedUrl':
    'URL không đúng mã hóa phần trăm: hãy mã hóa các ký tự đặc biệt trong đường dẫn (dấu cách thành %20)',
  'request.uriTooLong': 'Một đoạn của đường dẫn quá dài; hãy đối chiếu đường dẫn với tài liệu API tại /api/docs',
  'request.routeNotFound': 'Không có endpoint này: kiểm tra phương thức và đường dẫn (tài liệu API tại /api/docs)',
  'request.methodNotAllowed':
    'Endpoint này không nhận phương thức này; tài liệu API tại /api/docs liệt kê các phương thức',
  'request.rejected': 'Yêu cầu bị từ chối vì sai định dạng; hãy đối chiếu với tài liệu API tại /api/docs',
  'request.unsupportedCharset':
    'Hãy gửi JSON mã hoá UTF-8: Content-Type: application/json, không có charset hoặc charset=utf-8',
  'request.invalidUtf8': 'Nội dung yêu cầu không phải UTF-8 hợp lệ: hãy gửi JSON mã hoá UTF-8',
  'request.headersTooLarge': 'Các header của yêu cầu quá lớn: hãy gửi ít header hơn hoặc ngắn hơn (kể cả cookie)',
  'request.malformedHttp': 'Yêu cầu không phải HTTP/1.1 hợp lệ; hãy để ứng dụng HTTP tự tạo yêu cầu',
  'request.timeout': 'Yêu cầu không đến kịp thời hạn; hãy gửi lại',
  'auth.metricsToken':
    'GET /metrics trên cổng API cần Authorization: Bearer <METRICS_TOKEN>; hoặc lấy số liệu qua cổng metrics',
  'service.busy': 'Dịch vụ đang bận; hãy thử lại sau ít giây',
  internal: 'Lỗi nội bộ của hệ thống; hãy thử lại sau, nếu vẫn lỗi hãy báo lại kèm requestId',

  'field.problems': '{problems}',
  'field.bodyNotObject': 'phải là một đối tượng JSON',
  'field.controlCharacters': 'không được chứa ký tự điều khiển (như NUL)',
  'field.tooDeep': 'không được lồng sâu quá {max} cấp',
  'field.controlCharacterInName': 'tên trường không được chứa ký tự điều khiển',
  'field.loneSurrogate': 'phải là văn bản Unicode hợp lệ (đang chứa nửa cặp surrogate đứng riêng, như \\ud800)',
  'field.loneSurrogateInName': 'tên trường phải là văn bản Unicode hợp lệ (một tên chứa nửa cặp surrogate đứng riêng)',
  'field.unknown': 'không phải là trường của yêu cầu này; hãy bỏ trường này (kiểm tra chính tả tại /api/docs)',
  'field.unknownValue': 'không phải giá trị API chấp nhận ở đây',
  'field.notObject': 'phải là một đối tượng JSON',
  'field.required': 'là bắt buộc',
  'field.notString': 'phải là chuỗi ký tự',
  'field.notInteger': 'phải là số nguyên (số JSON, không phải chuỗi)',
  'field.notBoolean': 'phải là true hoặc false (giá trị boolean JSON, không phải chuỗi)',
  'field.notArray': 'phải là một mảng JSON',
  'field.oneOf': 'phải là một trong các giá trị {allowed}',
  'field.oneOrMoreOf': 'phải gồm một hoặc nhiều giá trị trong {allowed}',
  'field.tooManyItems': 'chỉ được có tối đa {max} phần tử',
  'field.emptyArray': 'phải có ít nhất một phần tử',
  'field.repeatedItems': 'không được liệt kê một phần tử hai lần',
  'field.pattern': 'sai định dạng (phải khớp với {pattern})',
  'field.max': 'không được lớn hơn {max}',
  'field.min': 'không được nhỏ hơn {min}',
  'field.maxLength': 'chỉ được dài tối đa {max} ký tự',
  'field.minLength': 'phải dài ít nhất {min} ký tự',
  'field.invalid': 'không hợp lệ ({rule})',
  'field.notEmpty': 'không được để trống',
  'field.visibleText': 'phải chứa ít nhất một ký tự nhìn thấy được',
  'field.containerNumber': 'phải là số container theo ISO 6346 với số kiểm tra đúng, ví dụ CSQU3054383',
  'field.hsCode': 'phải là mã HS gồm 8 chữ số, ví dụ 08109050',
  'field.customsDeclarationNumber': 'phải là số tờ khai hải quan gồm 12 chữ số',
  'field.phone': 'phải là số điện thoại quốc tế, ví dụ +84912345678',
  'field.timestampNear':
    'phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-11-27T08:00:00+07:00, cách hiện tại không quá {days} ngày',
  'field.calendarDay': 'phải là một ngày dạng YYYY-MM-DD',
  'field.notBeforeFrom': 'không được trước from',
  'field.rangeTooLong': 'chỉ được sau from tối đa {max} ngày (tính cả hai đầu)',
  'field.notTrailerPlate': 'không phải biển số rơ moóc (Việt Nam: seri R, Trung Quốc: kết thúc bằng 挂)',
  'field.trailerNotVehicle': 'là biển số rơ moóc, không phải biển số xe',
  'field.plate': '{problem} ({code})',
  'field.cursor': 'không phải con trỏ do API này cấp; hãy gửi lại nextCursor đúng như đã nhận',
  'field.amendNothing': 'hãy gửi ít nhất một trong expectedArrivalAt, vehicle, driver, cargo',
  'field.nationalityMismatch': 'là {given} nhưng biển số là biển số {country}; hãy sửa cho khớp',
  'field.documentVn': 'phải là số CCCD gồm 12 chữ số hoặc số hộ chiếu gồm 8-9 ký tự',
  'field.documentCn':
    'phải là số căn cước Trung Quốc gồm 18 ký tự với ký tự kiểm tra đúng, hoặc số hộ chiếu gồm 8-9 ký tự',
  'field.uuid': 'phải là một mã định danh dạng 3f2a9c1e-5b7d-4e8f-9a01-23456789abcd',
  'field.emptyTripGoods': 'phải bằng 0 với chuyến xe không hàng (tripKind empty không chở hàng)',
  'field.handoverRequired': 'là bắt buộc với chuyến {kind}: hãy ghi role là delivering (giao) hoặc receiving (nhận)',
  'field.handoverNotForKind': 'chỉ dùng cho chuyến sang tải (transshipment) và đổi đầu kéo (tractor_swap)',
  'field.linkRequired': 'là bắt buộc với xe nhận: mã tờ khai của xe giao',
  'field.linkNotForDelivering': 'không được ghi với xe giao: xe nhận sẽ ghi mã tờ khai của xe giao',
  'field.trailerForSwap': 'là bắt buộc khi đổi đầu kéo: biển số rơ moóc được đổi đầu kéo',
  'field.containersAndNumber': 'hãy ghi containers hoặc containerNumber, không ghi cả hai',
  'field.containerTwice': 'ghi cùng một container hai lần',
  'field.linkUnknown':
    'không chỉ tới tờ khai nào mà xe này có thể nhận: phải là tờ khai của xe giao cùng loại chuyến, cửa khẩu và chiều, còn hiệu lực và chưa được xe khác nhận',
  'field.linkTrailer': 'phải là rơ moóc mà đầu kéo giao mang đến ({trailer})',
  'field.exemptionUnknown': 'không phải là trường hợp miễn phí có trong biểu phí đang áp dụng (xem docs/fees.md)',
  'field.plateOrQr': 'hãy gửi đúng một trong hai: plate hoặc qrToken',
  'field.paymentReference':
    'là bắt buộc để chuyển bước thu phí sang Đạt: hãy nhập số biên lai điện tử của khoản thanh toán phí',
  'field.taxCode': 'phải gồm 10 hoặc 13 chữ số',
  'field.companyName': 'phải dài từ 1 đến 200 ký tự',
  'field.noSuchCompany': 'không có doanh nghiệp này; hãy kiểm tra mã (company:list liệt kê các doanh nghiệp)',
  'field.username': 'phải dài 3-64 ký tự: chữ cái, chữ số, ".", "_" hoặc "-"',
  'field.passwordLength': 'phải dài từ {min} đến {max} ký tự',
  'field.urlTooLong': 'chỉ được dài tối đa {max} ký tự',
  'field.urlNotAbsolute': 'phải là URL đầy đủ, ví dụ https://example.com/hooks',
  'field.urlHttps': 'phải dùng https:',
  'field.urlHttpsOrHttp': 'phải dùng https: hoặc http:',
  'field.urlCredentials': 'không được chứa thông tin đăng nhập',
  'field.urlNoHost': 'phải có tên máy chủ',
  'field.urlLocalhost': 'không được trỏ tới localhost',
  'field.urlAddress': 'không được trỏ tới địa chỉ {kind}',

  'plate.notString': 'Biển số xe phải là chuỗi ký tự',
  'plate.tooLong': 'Biển số xe chỉ được dài tối đa {max} ký tự',
  'plate.invisibleCharacter': 'Biển số xe chứa ký tự vô hình ({codePoint}); hãy gõ lại bằng tay',
  'plate.empty': 'Biển số xe đang trống',
  'plate.lookalike': 'Biển số xe chứa chữ cái không thuộc bảng chữ Latin; hãy gõ bằng chữ Latin',
  'plate.unknownVnProvince': "Mã tỉnh '{province}' của Việt Nam không tồn tại",
  'plate.unknownCnProvince': "Ký tự tỉnh '{province}' của Trung Quốc không tồn tại",
  'plate.characterNotAllowed': 'Biển số xe chứa ký tự không được phép',
  'plate.invalidFormat': 'Không phải biển số xe Việt Nam hoặc Trung Quốc',

  'auth.apiKeyMissing':
    'Endpoint này cần API key của doanh nghiệp vận tải (Authorization: Bearer <apiKey>; API key bắt đầu bằng bgk_) hoặc đăng nhập cổng doanh nghiệp (POST /api/v1/company/session)',
  'auth.apiKeyInvalid': 'API key không hợp lệ hoặc đã bị thu hồi; hãy đề nghị đơn vị vận hành cấp key mới',
  'auth.officerTokenForCompanyEndpoint':
    'Endpoint này cần API key của doanh nghiệp vận tải (Authorization: Bearer bgk_…), không phải access token của cán bộ cửa khẩu; token cán bộ dùng cho các endpoint của cán bộ (/api/v1/gates/…, /api/v1/steps/…, /api/v1/stats/…)',
  'auth.companyKeyForOfficerEndpoint':
    'API key của doanh nghiệp không dùng được thay cán bộ cửa khẩu: endpoint này cần access token cán bộ lấy từ POST /api/v1/auth/login',
  'auth.tokenMissing':
    'Endpoint này cần access token của cán bộ cửa khẩu: hãy đăng nhập bằng POST /api/v1/auth/login và gửi Authorization: Bearer <accessToken>',
  'auth.tokenExpired': 'Token đã hết hạn; hãy đăng nhập lại bằng POST /api/v1/auth/login',
  'auth.tokenInvalid': 'Token không hợp lệ; hãy đăng nhập bằng POST /api/v1/auth/login và gửi accessToken nhận được',
  'auth.officerInactive': 'Cán bộ của token này không còn hoạt động; nếu có nhầm lẫn hãy liên hệ đơn vị vận hành',
  'auth.loginFailed': 'Tên đăng nhập hoặc mật khẩu không đúng',
  'auth.sessionMissing': 'Chưa đăng nhập cổng doanh nghiệp: hãy đăng nhập bằng POST /api/v1/company/session',
  'auth.sessionExpired':
    'Phiên đăng nhập đã kết thúc (đã đăng xuất, không dùng quá lâu hoặc đã quá thời hạn); hãy đăng nhập lại',
  'auth.officerCrossSite':
    'Yêu cầu đăng nhập này đến từ một trang khác nên bị từ chối; hãy mở trực tiếp giao diện cán bộ rồi thử lại',
  'auth.csrf': 'Không xác nhận được yêu cầu này đến từ cổng doanh nghiệp; hãy tải lại trang rồi thử lại',
  'auth.companyAdminsOnly':
    'Chỉ quản trị viên của doanh nghiệp mới được quản lý người dùng, API key và webhook; hãy nhờ một quản trị viên',
  'auth.apiKeyCannotManage':
    'API key không được quản lý người dùng hoặc API key: việc này do quản trị viên làm khi đăng nhập cổng doanh nghiệp',
  'companyUser.notFound': 'Doanh nghiệp của bạn không có người dùng với mã này',
  'companyUser.cannotDisableSelf':
    'Bạn không thể tự khóa tài khoản của mình; một quản trị viên khác có thể làm việc này',
  'apiKey.notFound': 'Doanh nghiệp của bạn không có API key với tiền tố này',
  'conflict.companyUsername': 'Tên đăng nhập này đã có người dùng; hãy chọn tên khác',
  'auth.tooManyAttempts': 'Đăng nhập sai quá nhiều lần; hãy thử lại sau {seconds} giây',
  'auth.busy': 'Hệ thống đang kiểm tra quá nhiều lượt đăng nhập; hãy thử lại sau {seconds} giây',
  'auth.notPosted':
    'Bạn không được phân công tại {gate:gate}; đơn vị vận hành có thể thêm cửa khẩu này vào tài khoản của bạn',
  'auth.agencyCannot': 'Cán bộ {agency:agency} không được {action}; việc này dành cho: {allowed:agency}',
  'auth.amendmentDecisionSupervisorsOnly':
    'Chỉ có Chỉ huy cửa khẩu tại {gate:gate} mới được quyết định yêu cầu sửa tờ khai',
  'auth.amendmentListSupervisorsOnly': 'Chỉ có Chỉ huy cửa khẩu tại {gate:gate} mới được xem các yêu cầu sửa tờ khai',
  'auth.queueBoardTokenMissing':
    'Cần access token của Chỉ huy cửa khẩu: hãy mở /admin/queues/login?token=<access token> hoặc gửi Authorization: Bearer <access token>',
  'auth.queueBoardSupervisorsOnly': 'Chỉ có Chỉ huy cửa khẩu mới được mở bảng hàng đợi',
  'auth.queueBoardActionRefused': 'Thao tác này không có trên bảng hàng đợi',
  'action.default': 'làm việc này',
  'action.readStats': 'xem thống kê của cửa khẩu',
  'action.exportFees': 'xuất danh sách phí đã thu',
  'action.closeOrOpenGate': 'đóng hoặc mở cửa khẩu',
  'action.manageOfficers': 'quản lý cán bộ',
  'action.checkIn': 'cho xe vào bãi',
  'action.letOut': 'cho xe ra bãi',
  'action.checkInReturn': 'cho xe quay về vào bãi',
  'action.listReturns': 'xem các xe đi giao hàng chưa quay về',
  'action.seeQueue': 'xem hàng chờ {queue:agency}',
  'action.workQueue': 'xử lý hàng chờ {queue:agency}',

  'idempotency.keyMissing':
    'Cần header Idempotency-Key: hãy gửi một key mới, duy nhất (ví dụ một UUID) cho mỗi yêu cầu mới, và gửi lại đúng key đó khi thử lại',
  'idempotency.keyEmpty': 'Idempotency-Key đang trống: hãy gửi 1-255 ký tự ASCII nhìn thấy được, hoặc bỏ header này',
  'idempotency.keyInvalid': 'Idempotency-Key phải gồm 1-255 ký tự ASCII nhìn thấy được, ví dụ một UUID',
  'idempotency.keyReused':
    'Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng key mới cho mỗi yêu cầu mới',
  'idempotency.answerLost':
    'Yêu cầu có Idempotency-Key này đã được thực hiện nhưng câu trả lời bị mất; hãy đọc lại tài nguyên để xem kết quả',
  'idempotency.inFlight': 'Yêu cầu có Idempotency-Key này vẫn đang được xử lý; hãy thử lại sau ít giây',

  'declaration.notAtGate': 'Không có tờ khai này tại {gate:gate}; hãy kiểm tra mã và cửa khẩu',
  'declaration.notFound': 'Không có tờ khai này (tờ khai của doanh nghiệp khác không được hiển thị); hãy kiểm tra mã',
  'declaration.qrNotAccepted': 'Chỉ tờ khai đã được chấp nhận mới có mã vào bãi (tờ khai này: {status:status})',
  'declaration.notAmendable': 'Tờ khai ở trạng thái {status:status} không sửa được; hãy nộp tờ khai mới',
  'declaration.notCancellable':
    'Tờ khai ở trạng thái {status:status} không hủy được; chỉ hủy được tờ khai đang chờ duyệt hoặc đã được chấp nhận',
  'declaration.illegalTransition': 'Tờ khai không thể chuyển từ {from:status} sang {to:status}',
  'declaration.concurrentChange': 'Tờ khai vừa được thay đổi; hãy tải lại và thử lại',
  'amendment.notFound':
    'Không có yêu cầu sửa tờ khai này; hãy kiểm tra mã (GET /api/v1/gates/<gate>/amendment-requests liệt kê các yêu cầu đang chờ)',
  'amendment.alreadyDecided': 'Yêu cầu này đã được xử lý ({decision:amendment})',
  'conflict.taxCode': 'Đã có doanh nghiệp với mã số thuế này',
  'conflict.watchlist': 'Mục này đã có trong danh sách theo dõi',
  'conflict.activeVehicle':
    'Phương tiện đã có một tờ khai khác còn hiệu lực; hãy hủy tờ khai đó hoặc chờ nó hoàn tất rồi mới khai báo lại',
  'conflict.amendmentPending': 'Tờ khai này đã có một yêu cầu sửa đang chờ Chỉ huy cửa khẩu; hãy chờ quyết định',
  'conflict.username': 'Đã có cán bộ với tên đăng nhập này',
  'officer.notFound':
    'Không có cán bộ này; hãy kiểm tra mã (GET /api/v1/officers?gate=<gate> liệt kê cán bộ của một cửa khẩu)',
  'officer.outsideYourGates':
    '{username} còn được phân công tại {gates:gate}; bạn chỉ quản lý cán bộ mà mọi cửa khẩu đều thuộc phạm vi của bạn ({yours:gate}): hãy nhờ chỉ huy của các cửa khẩu đó hoặc bộ phận vận hành',
  'officer.postingOutsideYourGates':
    'Bạn chỉ có thể phân công cán bộ tại cửa khẩu của mình ({yours:gate}), không phải tại {gates:gate}',
  'officer.cannotDisableSelf':
    'Bạn không thể vô hiệu hóa tài khoản của chính mình; hãy nhờ chỉ huy khác hoặc bộ phận vận hành',
  'officer.cannotLeaveSupervision':
    'Bạn không thể tự bỏ vai trò chỉ huy của mình; hãy nhờ chỉ huy khác hoặc bộ phận vận hành',

  'checkin.noDeclaration': 'Phương tiện này chưa có tờ khai: phải khai báo trước khi đến cửa khẩu',
  'checkin.qrOutdated': 'Tờ khai đã thay đổi sau khi mã QR này được cấp; hãy xuất trình mã QR mới nhất',
  'checkin.wrongGate': 'Phương tiện này khai báo qua {declared:gate}, không phải {gate:gate}',
  'checkin.alreadyArrived': 'Phương tiện này đã vào bãi ({status:status})',
  'checkin.notAccepted': 'Không có tờ khai đã được chấp nhận: {reason}',
  'checkin.reason.submitted': 'tờ khai vẫn đang được kiểm tra; hãy thử lại sau ít phút',
  'checkin.reason.rejected': 'tờ khai đã bị từ chối khi kiểm tra',
  'checkin.reason.cancelled': 'tờ khai đã bị doanh nghiệp hủy',
  'checkin.reason.expired': 'tờ khai đã hết hiệu lực: xe không đến kịp thời gian',
  'checkin.reason.exited':
    'tờ khai gần nhất của phương tiện đã kết thúc (đã ra khỏi cửa khẩu); chuyến mới cần tờ khai mới',
  'checkin.reason.other': 'tờ khai đang ở trạng thái {status:status}',
  'checkin.qrInvalid': 'Mã QR không do hệ thống này cấp hoặc đã hết hạn; hãy cho xe vào bãi theo biển số',
  'step.notFound': 'Không có bước xử lý này',
  'step.notYours': 'Chỉ cán bộ đã nhận bước này, hoặc Chỉ huy cửa khẩu, mới được quyết định',
  'step.illegalDecision':
    'Bước đang ở trạng thái {status:step} không thể quyết định "{decision}"; hãy tải lại để xem trạng thái hiện tại',
  'step.changed': 'Bước xử lý đã thay đổi từ lúc bạn xem; hãy tải lại',
  'step.decidedByAnother': 'Đã có quyết định khác cho bước này trước; hãy tải lại',
  'fee.noSchedule': 'Không có biểu phí nào có hiệu lực vào ngày đến của phương tiện này; không thể thu phí',
  'exit.notInYard': 'Phương tiện này không ở trong bãi tại {gate:gate}; hãy kiểm tra biển số và cửa khẩu',
  'exit.notCleared': 'Phương tiện chưa hoàn thành thủ tục: còn các bước chưa xong ({agencies:agency})',
  'exit.handoverPending':
    'Phương tiện này nhận hàng từ tờ khai {reference}, tờ khai đó chưa hoàn thành thủ tục; chưa thể ra bãi trước khi giao nhận xong',
  'return.unknownVehicle': 'Chưa có tờ khai nào của phương tiện này; hãy kiểm tra biển số',
  'return.notAway': 'Phương tiện này không đi giao hàng: không có lượt quay về để ghi nhận',
  'gate.closed': '{gate:gate} đang tạm đóng: không cho xe vào bãi cho đến khi mở lại',
  'gate.alreadyClosed': '{gate:gate} đã tạm đóng rồi',
  'gate.alreadyOpen': '{gate:gate} đang mở rồi',

  'vehicle.notFound': 'Không có tờ khai nào cho biển số này',
  'vehicle.ambiguousPlate': 'Biển số này có ở nhiều tỉnh của Trung Quốc; hãy nhập cả ký tự tỉnh',
  'webhook.notFound': 'Không có webhook này (webhook của doanh nghiệp khác không được hiển thị); hãy kiểm tra mã',
  'webhook.limitReached': 'Mỗi doanh nghiệp chỉ có tối đa {max} webhook đang hoạt động; hãy xóa bớt một webhook trước',
  'webhook.deliveryNotFound':
    'Webhook này không có lần gửi này; GET /api/v1/webhooks/<id>/deliveries liệt kê các lần gửi',
  'webhook.notActive': 'Webhook đang bị tắt; hãy bật lại trước khi gửi lại',
  'webhook.deliveryPending':
    'Lần gửi vẫn đang chờ (đang gửi hoặc chờ thử lại); hãy gửi lại khi nó đã gửi xong hoặc đã thất bại',
  'rateLimit.exceeded': 'Quá nhiều yêu cầu: tối đa {limit} yêu cầu mỗi phút; hãy thử lại sau {seconds} giây',
  'field.slotWholeHour': 'phải là giờ chẵn, ví dụ 2026-11-27T08:00:00+07:00',
  'field.slotPast': 'không được là khung giờ đã kết thúc',
  'field.slotBeyondHorizon': 'phải nằm trong {days} ngày kể từ bây giờ (thời hạn đặt trước của cửa khẩu)',
  'field.arrivalOutsideSlot':
    'phải là khung giờ chứa thời điểm dự kiến đến; hãy gửi một trong hai, hoặc cả hai khớp nhau',
  'field.periodOrder': 'phải muộn hơn startsAt',
  'slot.full':
    'Khung giờ {slot} đã hết năng lực chiều {direction:direction} tại {gate:gate}; hãy chọn một khung giờ còn trống gần nhất',
  'slot.otherDay':
    'Khung giờ phải thuộc ngày đến ({day}, giờ địa phương tại cửa khẩu); muốn đổi ngày, hãy sửa thời điểm dự kiến đến',
  'slot.notBookable':
    'Chỉ tờ khai đã nộp hoặc đã được chấp nhận mới đặt được khung giờ đến; tờ khai này đang ở trạng thái {status:status}',
  'slot.none': 'Tờ khai chưa đặt khung giờ đến',
  'booking.suspended': 'Phương tiện hoặc doanh nghiệp này bị tạm dừng đặt khung giờ đến cho tới {until}: {reason}',
  'suspension.notFound': 'Không có lệnh tạm dừng đặt chỗ này; hãy kiểm tra mã',
  'suspension.alreadyEnded': 'Lệnh tạm dừng đặt chỗ này đã hết hạn hoặc đã được gỡ',
  'capacityException.notFound': 'Không có ngoại lệ năng lực này tại {gate:gate}; hãy kiểm tra mã',
  'auth.slotsSupervisorsOnly':
    'Chỉ có Chỉ huy cửa khẩu tại {gate:gate} mới được thay đổi năng lực theo giờ, lịch và quy tắc đặt chỗ',
  'auth.suspensionLiftSupervisorsOnly': 'Chỉ có Chỉ huy cửa khẩu tại {gate:gate} mới được gỡ lệnh tạm dừng đặt chỗ',
};
