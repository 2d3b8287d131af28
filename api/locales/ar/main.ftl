# تواصل: الرسائل بالعربية. كل مفتاح يجب أن يوجد في ar وfr وzgh (اختبار يتحقق من ذلك).

## Problems (RFC 9457)

problem-not-found-title = غير موجود
problem-not-found-description = لا يوجد شيء في هذا العنوان، أو أن العنصر المطلوب غير موجود أو لم يعد موجودا.
problem-method-not-allowed-title = الطريقة غير مسموح بها
problem-method-not-allowed-description = هذا العنوان موجود لكنه لا يقبل طريقة HTTP هذه. يذكر الترويس Allow الطرق المقبولة.
problem-payload-too-large-title = محتوى الطلب كبير جدا
problem-payload-too-large-description = يتجاوز محتوى الطلب الحجم الأقصى الذي يقبله هذا الخادم.
problem-unsupported-media-type-title = نوع المحتوى غير مدعوم
problem-unsupported-media-type-description = يجب إرسال المحتوى بصيغة JSON مع الترويس Content-Type: application/json.
problem-malformed-body-title = محتوى الطلب غير مقروء
problem-malformed-body-description = محتوى الطلب ليس JSON صالحا بترميز UTF-8.
problem-validation-title = بعض الحقول غير مقبولة
problem-validation-description = المحتوى JSON صالح، لكن بعض الحقول غير معروفة أو ناقصة أو غير صحيحة. تشير قائمة errors إلى كل حقل بمؤشر JSON (RFC 6901) وتبين الخطأ.
problem-invalid-parameter-title = معامل غير صالح
problem-invalid-parameter-description = أحد معاملات العنوان (بعد علامة ?) ليست له قيمة مقبولة. تسمي قائمة errors كل معامل.
problem-conflict-title = تعارض مع الحالة الحالية
problem-conflict-description = الطلب صحيح لكنه لا ينطبق على العنصر في حالته الحالية (تم من قبل، أو خطوة لا تلي سابقتها).
problem-unauthorized-title = يلزم تسجيل الدخول
problem-unauthorized-description = يتطلب هذا الإجراء تسجيل الدخول برمز وصول صالح (الترويس Authorization: Bearer)، أو أن بيانات الدخول المقدمة خاطئة.
problem-forbidden-title = إجراء غير مسموح
problem-forbidden-description = أنت مسجل الدخول، لكن حسابك لا يسمح بهذا الإجراء (عنوان غير مؤكد، أو حساب موقوف، أو دور غير متوفر).
problem-invalid-token-title = رابط أو رمز غير صالح
problem-invalid-token-description = الرابط أو الرمز غير معروف، أو استعمل من قبل، أو انتهت صلاحيته. اطلب رابطا جديدا.
problem-too-many-requests-title = محاولات كثيرة جدا
problem-too-many-requests-description = طلبات كثيرة في وقت قصير. أعد المحاولة بعد المدة المذكورة في الترويس Retry-After.
problem-forbidden-transition-title = تغيير الحالة غير ممكن
problem-forbidden-transition-description = لا يمكن للبلاغ أن ينتقل من حالته الحالية إلى الحالة المطلوبة (مثلا من حالة مغلقة إلى «في طور الإنجاز»)، أو أن أجل إعادة فتحه قد انقضى.
problem-internal-title = خطأ داخلي
problem-internal-description = حدث خطأ غير متوقع من جهتنا. لم يحفظ أي شيء مما أرسلته بشكل ناقص. اذكر معرف الطلب إذا أبلغت عنه.
problem-service-unavailable-title = الخدمة غير متوفرة مؤقتا
problem-service-unavailable-description = لا يستطيع الخادم الإجابة حاليا (قاعدة البيانات غير متاحة أو قيد التحديث). أعد المحاولة بعد المدة المذكورة في الترويس Retry-After.

problem-page-status = حالة HTTP
problem-page-type = النوع
problem-page-back = توثيق واجهة البرمجة

## Details

detail-route-not-found = لا يوجد مورد في العنوان { $path }.
detail-commune-not-found = لا توجد جماعة بالمعرف «{ $slug }».
detail-method-not-allowed = يقبل هذا العنوان: { $allow }.
detail-payload-too-large = يتجاوز المحتوى { $limit } بايت.
detail-unsupported-media-type = أرسل المحتوى بصيغة application/json.
detail-malformed-body = المحتوى ليس JSON صالحا (السطر { $line }، العمود { $column }).
detail-validation = صحح الحقول المذكورة في errors.
detail-invalid-parameter = صحح المعاملات المذكورة في errors.
detail-outbox-not-found = لا توجد رسالة رقم { $id } في طابور الإرسال.
detail-outbox-not-dead = الرسالة { $id } ليست متخلى عنها: لا يعاد إلى الطابور إلا ما تخلي عنه.
detail-bad-credentials = البريد الإلكتروني أو كلمة المرور غير صحيحين.
detail-not-authenticated = سجل الدخول للقيام بهذا.
detail-invalid-token = هذا الرابط لم يعد صالحا: اطلب رابطا جديدا.
detail-too-many-requests = محاولات كثيرة جدا. أعد المحاولة لاحقا.
detail-banned = حسابك موقوف.
detail-unverified = أكد عنوانك أولا بالرابط الذي وصلك في البريد.
detail-not-permitted = دورك لا يسمح بهذا الإجراء.
detail-user-not-found = لا يوجد حساب رقم { $id }.
detail-organisation-not-found = لا توجد جمعية رقم { $id }.
detail-registration-accepted = إذا كان هذا العنوان يستقبل البريد، فقد أرسلت إليه للتو رسالة بالخطوة التالية.
detail-issue-not-found = لا يوجد بلاغ رقم { $id }.
detail-forbidden-transition = لا يمكن لبلاغ «{ $from }» أن يصبح «{ $to }».
detail-reopen-window-closed = يمكن إعادة فتح بلاغ تمت معالجته خلال 30 يوما فقط.
detail-idempotency-in-flight = طلب بمفتاح عدم التكرار هذا ما زال قيد المعالجة. أعد المحاولة بعد لحظة.
detail-idempotency-mismatch = مفتاح عدم التكرار هذا استعمل من قبل لطلب آخر.
detail-edit-window-closed = لا يمكن تصحيح الرد إلا خلال 15 دقيقة من نشره.
detail-official-answer-is-record = الرد الرسمي جزء من السجل العمومي: لا يمكن إخفاؤه.
detail-internal = حدث خطأ غير متوقع. معرف الطلب: { $request_id }.
detail-database-unavailable = قاعدة البيانات غير متاحة. أعد المحاولة بعد ثوان.
detail-migrations-pending = قاعدة البيانات قيد التحديث. أعد المحاولة بعد ثوان.

## Errors on one field or parameter

field-email = أدخل عنوان بريد إلكتروني صالحا.
field-password = يجب أن تتكون كلمة المرور من 10 إلى 128 حرفا.
field-display-name = أدخل اسما من 1 إلى 80 حرفا.
field-title = أدخل صفة من 1 إلى 120 حرفا.
field-commune = لا توجد جماعة بهذا المعرف.
field-arrondissement = هذه المقاطعة غير موجودة في هذه الجماعة.
field-category = هذه الفئة غير موجودة في هذه الجماعة.
field-date = أدخل تاريخا ماضيا بالصيغة YYYY-MM-DD.
field-no-such-account = لا يوجد حساب بهذا العنوان.
field-issue-title = أدخل عنوانا من 5 إلى 140 حرفا في سطر واحد.
field-issue-description = صف المشكل في 10 إلى 5000 حرف.
field-location = أدخل خط عرض بين -90 و90 وخط طول بين -180 و180.
field-location-outside = هذا المكان خارج الجماعة المختارة.
field-note = اشرح هذا التغيير في ملاحظة (2000 حرف على الأكثر).
field-expected-on = البلاغ المبرمج يحتاج إلى تاريخ متوقع، اليوم أو بعده.
field-responsible-body = اذكر الجهة المختصة (مثلا المفوض له تدبير الماء).
field-duplicate-of = أدخل رقم بلاغ آخر منشور.
field-reply-body = اكتب ردا من 1 إلى 5000 حرف.
field-official-new-issues = اختر immediate أو off.
field-unknown = هذا الحقل غير مقبول هنا.
field-missing = هذا الحقل إلزامي.
field-invalid-type = نوع هذه القيمة غير صحيح.
field-invalid = هذه القيمة غير مقبولة.
param-lang = اختر ar أو fr أو zgh.
param-limit = أدخل عددا صحيحا من 1 إلى 100.
param-cursor = هذا المؤشر لم يصدر عن هذا الخادم.
param-me = القيمة الوحيدة الممكنة هي me.
param-time = أدخل تاريخا (YYYY-MM-DD) أو لحظة بصيغة RFC 3339.
param-bbox = أدخل جنوب،غرب،شمال،شرق بالدرجات، مثلا 35.70,-5.93,35.81,-5.72.
param-sort = اختر newest أو most_supported أو recently_updated.
param-invalid = هذا المعامل غير مقبول.

## Home

home-title = تواصل
home-tagline = أبلغ عن مشكل في جماعتك، وتابع أجوبة منتخبيك ومصالحك علنا، وهيئ عرائض محلية.
home-communes = الجماعات
home-api = واجهة البرمجة (JSON)
home-health = حالة الخدمة

## Pages opened from mail links

page-verify-title = تأكيد عنوانك
page-verify-button = تأكيد عنواني
page-link-invalid = هذا الرابط لم يعد صالحا (استعمل من قبل أو انتهت صلاحيته). اطلب رابطا جديدا من التطبيق.
page-reset-title = اختيار كلمة مرور جديدة
page-reset-label = كلمة المرور الجديدة
page-reset-button = حفظ كلمة المرور
page-reset-done = تم تغيير كلمة المرور وأغلقت جلساتك السابقة. سجل الدخول بالكلمة الجديدة.

page-unsubscribe-title = التوقف عن تلقي هذه الرسائل
page-unsubscribe-button = إلغاء الاشتراك
page-unsubscribe-done = تم: لن تصلك هذه الرسائل بعد الآن. يمكنك تغيير رأيك في إعدادات حسابك.

## Mails

mail-signature = فريق تواصل
mail-footer-account = تتلقى هذه الرسالة لأنها تخص حسابك في تواصل.
mail-footer-notification = أنت تتابع هذا الموضوع في تواصل. لإيقاف هذه الرسائل: { $url }

mail-account-verify-email-subject = أكد عنوانك في تواصل
mail-account-verify-email-body =
    مرحبا { $name }،

    لتفعيل حسابك في تواصل، افتح هذا الرابط خلال 48 ساعة:

    { $url }

    إذا لم تنشئ حسابا، تجاهل هذه الرسالة: لن يتم أي شيء دونك.

mail-issue-official-answer-subject = رد رسمي: { $title }
mail-issue-official-answer-body =
    أجاب { $official } ({ $official_title }) علنا على البلاغ «{ $title }».

    اقرأ الرد وتابع ما يلي:

    { $url }

mail-account-registration-attempt-subject = محاولة تسجيل بعنوانك
mail-account-registration-attempt-body =
    مرحبا { $name }،

    حاول شخص ما للتو إنشاء حساب في تواصل بعنوانك، وهو مرتبط بحساب موجود. لم ينشأ أي حساب.

    إذا كنت أنت ونسيت كلمة المرور، اختر كلمة جديدة من هنا (الرابط صالح لساعة واحدة):

    { $url }

    وإلا فلا شيء عليك فعله.

mail-account-password-reset-subject = اختيار كلمة مرور جديدة في تواصل
mail-account-password-reset-body =
    مرحبا { $name }،

    لاختيار كلمة مرور جديدة، افتح هذا الرابط خلال ساعة (يستعمل مرة واحدة):

    { $url }

    إذا لم تطلب ذلك، تجاهل هذه الرسالة: كلمة المرور لن تتغير.

mail-account-password-changed-subject = تغيرت كلمة المرور في تواصل
mail-account-password-changed-body =
    مرحبا { $name }،

    تم للتو تغيير كلمة مرور حسابك في تواصل، وأغلقت كل جلساتك.

    إذا لم تكن أنت، اطلب فورا كلمة مرور جديدة من صفحة الدخول وأخبرنا.

mail-issue-new-for-official-subject = بلاغ جديد: { $title }
mail-issue-new-for-official-body =
    أبلغ أحد السكان للتو عن مشكل من اختصاصكم ({ $commune }، { $category }):

    «{ $title }»

    أجيبوا علنا وحدثوا حالته:

    { $url }

mail-issue-status-changed-subject = { $status }: { $title }
mail-issue-status-changed-body =
    البلاغ «{ $title }» أصبح الآن: { $status }.

    { $note }

    { $url }

mail-moderation-hidden-subject = تم إخفاء مساهمتك
mail-moderation-hidden-body =
    أُخفي ما كتبته عن العموم: «{ $excerpt }».

    السبب: { $reason }

    { $url }
mail-moderation-restored-subject = أصبحت مساهمتك منشورة من جديد
mail-moderation-restored-body =
    نشر أحد المشرفين ما كتبته: «{ $excerpt }».

    { $reason }

    { $url }

mail-issue-new-reply-subject = رد جديد: { $title }
mail-issue-new-reply-body =
    رد { $author } على البلاغ «{ $title }»:

    { $excerpt }

    { $url }

mail-official-digest-subject = موجز الصباح: { $overdue_count ->
    [zero] لا بلاغ متأخر
    [one] بلاغ واحد متأخر
    [two] بلاغان متأخران
    [few] { $overdue_count } بلاغات متأخرة
    [many] { $overdue_count } بلاغا متأخرا
   *[other] { $overdue_count } بلاغ متأخر
}
mail-official-digest-body =
    بلاغات جديدة من اختصاصكم منذ الأمس: { $new_count }

    { $new_items }

    بلاغات مفتوحة بلا رد رسمي بعد انقضاء أجل فئتها: { $overdue_count }

    { $overdue_items }

## Issue statuses

status-submitted = تم الاستلام
status-acknowledged = قيد الدراسة
status-in-progress = في طور الإنجاز
status-planned = مبرمج
status-resolved = تمت المعالجة
status-not-responsible = خارج اختصاص الجماعة
status-duplicate = مكرر
status-rejected = مرفوض

## Petitions (Organic Law 113-14)

detail-petition-not-found = لا توجد عريضة رقم { $id }.
detail-petition-not-draft = العريضة رقم { $id } لم تعد مسودة: نصها هو ما اطلع عليه الموقعون.
detail-petition-not-collecting = العريضة رقم { $id } لا تجمع التوقيعات حاليا.
detail-already-signed = هذه العريضة تحمل توقيعك من قبل.
detail-own-report = أنت من أبلغ عن هذا المشكل: بلاغك محسوب، والمساندة للسكان الآخرين.
detail-petition-step = لا يمكن أن تنتقل عريضة « { $from } » إلى « { $to } ».
field-petition-title = اكتب عنوانا من 5 إلى 200 حرف في سطر واحد.
field-petition-request = اذكر في 10 إلى 2000 حرف النقطة التي يطلب من المجلس إدراجها في جدول أعماله.
field-petition-reasons = اعرض الدواعي والأهداف في 10 إلى 10000 حرف.
field-filer-type = اختر citizens أو association.
field-organisation-required = عريضة الجمعية تحدد الجمعية (organisation_id).
field-association-required = تصرح الجمعية بوضعيتها: in_good_standing وoffice_in_commune وactivity_linked_to_subject.
field-organisation-citizens = عريضة المواطنات والمواطنين لا تحدد جمعية.
field-association-too-recent = يجب أن يكون قد مر على تأسيس الجمعية أكثر من ثلاث سنوات.
field-association-good-standing = يجب أن تكون الجمعية في وضعية سليمة.
field-association-office = يجب أن يكون مقر الجمعية أو أحد فروعها داخل الجماعة.
field-association-activity = يجب أن يكون نشاط الجمعية مرتبطا بموضوع العريضة.
field-signer-name = اكتب الاسم الكامل كما هو في بطاقتك (من 3 إلى 120 حرفا).
field-cin = اكتب رقم بطاقتك الوطنية: حرف أو حرفان ثم أرقام.
field-signer-address = اكتب عنوانك (من 5 إلى 300 حرف).
field-declaration = هذا الشرط لازم للتوقيع.
field-consent = موافقتك الصريحة على معالجة هذه المعطيات لازمة.
field-petition-status = اختر مرحلة: collecting أو ready أو filed أو admissible أو inadmissible أو on_agenda أو decided أو withdrawn.
field-receipt = يسجل الإيداع برقم الوصل.
field-filed-on = وبتاريخ الإيداع، اليوم أو قبله.
field-step-reason = قرار عدم القبول يكون معللا: اذكر الأسباب.
field-session-date = اذكر تاريخ الدورة.
field-committee = اذكر اللجنة المحال عليها.
field-outcome = اذكر adopted أو rejected.
field-summary = لخص قرار المجلس.
field-petition-threshold = اكتب عدد توقيعات بين 1 و100000.
field-commune-name = اكتب اسما من 1 إلى 120 حرفا.
param-dossier-format = اختر html أو csv.
petition-consent = أوافق على أن يعالج تواصل اسمي الكامل ورقم بطاقتي الوطنية وعنواني لغرض العريضة « { $title } » الموجهة إلى مجلس الجماعة ({ $commune }) وحده: تدرج في لائحة الموقعين التي تسلم لرئيس المجلس، وتحفظ مشفرة ولا تنشر أبدا. يمكنني الاطلاع عليها وتصحيحها أو سحب توقيعي ما دام جمع التوقيعات مفتوحا (القانون 09.08).
petition-status-draft = مسودة
petition-status-collecting = جمع التوقيعات
petition-status-ready = جاهزة للإيداع
petition-status-filed = مودعة
petition-status-admissible = مقبولة
petition-status-inadmissible = غير مقبولة
petition-status-on-agenda = مدرجة في جدول الأعمال
petition-status-decided = بت فيها المجلس
petition-status-withdrawn = مسحوبة

mail-petition-threshold-reached-subject = بلغت عريضتكم { $count } توقيعا
mail-petition-threshold-reached-body =
    جمعت العريضة « { $title } » { $count } توقيعا: يمكن إيداعها لدى رئيس المجلس الجماعي.

    أودعوها مقابل وصل (أو عبر البوابة الوطنية للمشاركة المواطنة)، ثم سجلوا هنا رقم الوصل وتاريخه.

    { $url }
mail-petition-step-subject = { $status }: { $title }
mail-petition-step-body =
    بلغت العريضة « { $title } » المرحلة: { $status }.

    { $note }

    { $url }
mail-petition-filed-for-official-subject = إيداع عريضة: { $title }
mail-petition-filed-for-official-body =
    أودعت العريضة « { $title } » لدى الجماعة ({ $commune }) بتاريخ { $filed_on }، وصل رقم { $receipt }.

    يجب تبليغ أي رفض معلل إلى الوكيل في أجل أقصاه { $deadline }.

    { $url }
mail-petition-deadline-reminder-subject = { $days ->
    [zero] آخر يوم للرد على العريضة « { $title } »
    [one] بقي يوم واحد للرد على العريضة « { $title } »
    [two] بقي يومان للرد على العريضة « { $title } »
    [few] بقيت { $days } أيام للرد على العريضة « { $title } »
    [many] بقي { $days } يوما للرد على العريضة « { $title } »
   *[other] بقي { $days } يوم للرد على العريضة « { $title } »
}
mail-petition-deadline-reminder-body =
    لم يبت مكتب المجلس بعد في قبول العريضة « { $title } ».

    يجب تبليغ أي رفض معلل في أجل أقصاه { $deadline }.

    { $url }

dossier-heading = عريضة
dossier-addressee = إلى السيد رئيس مجلس جماعة { $commune_ar }
dossier-subject = موضوع العريضة
dossier-reasons = الدواعي والأهداف
dossier-association = الجمعية صاحبة العريضة
dossier-representative = الممثل
dossier-agent = هوية الوكيل
dossier-full-name = الاسم الكامل
dossier-cin = رقم البطاقة الوطنية
dossier-address = العنوان
dossier-signatories = لائحة الموقعين
dossier-count = { $count ->
    [zero] لا موقع.
    [one] موقع واحد.
    [two] موقعان.
    [few] { $count } موقعين.
    [many] { $count } موقعا.
   *[other] { $count } موقع.
}
dossier-number = الرقم
dossier-lives-or-works = يقيم أو يعمل بالجماعة
dossier-electoral-roll = مسجل أو مستوف لشروط التسجيل في اللوائح الانتخابية
dossier-direct-interest = مصلحة مباشرة مشتركة
dossier-signed-on = التاريخ
dossier-signature = التوقيع
dossier-generated = لائحة أعدها تواصل بتاريخ { $at }.

## Accountability figures and open data

param-official = اكتب رقم حساب منتخب أو موظف معين.
## Open311 API keys
detail-api-key-not-found = لا يوجد مفتاح واجهة برمجية رقم { $id }.
field-api-key-name = سمّ المفتاح باسم من 1 إلى 120 حرفا في سطر واحد.
field-api-key-owner = يجب أن يكون صاحب المفتاح حسابا مؤكَّد العنوان وغير محظور.
field-api-key-member = يجب أن يكون صاحب المفتاح عضوا في هذه الجمعية.
field-organisation = لا توجد جمعية بهذا الرقم.
open311-notice-published = نُشر بلاغك، وستجيب عنه مصالح الجماعة علنا.
open311-notice-held = يبدو أن بلاغك يتضمن معطيات شخصية: سيراجعه مشرف قبل نشره.
## Feeds

detail-category-not-found = لا توجد فئة «{ $category }» في الجماعة «{ $commune }».
detail-feed-not-found = لا يوجد موجز بهذا العنوان: تم تعويضه أو إلغاؤه.
feed-commune-title = بلاغات جديدة: { $commune }
feed-category-title = بلاغات جديدة: { $commune }، { $category }
feed-issue-title = البلاغ «{ $issue }»: الردود وتغييرات الحالة
feed-petition-title = العريضة «{ $petition }»: المراحل
feed-me-title = ما أتابعه على تواصل
feed-resident = أحد السكان
feed-former-resident = ساكن سابق
feed-platform = تواصل
feed-reply-title = رد { $author }: «{ $issue }»
feed-answer-title = رد رسمي من { $author } ({ $role }): «{ $issue }»
feed-status-title = تغيرت الحالة إلى «{ $status }»: «{ $issue }»
feed-status-expected = الإنجاز متوقع في { $date }.
feed-status-responsible = الجهة المختصة: { $body }.
feed-status-duplicate = مكرر لـ { $url }
feed-step-title = { $status }: «{ $petition }»
feed-step-filed = أودعت بتاريخ { $date } بوصل رقم { $number }.
feed-step-refusal-deadline = يجب تبليغ أي رفض في أجل أقصاه { $date }.
feed-step-next-session = الدورة العادية المقبلة: { $date }.
feed-step-agenda = أدرجت في جدول أعمال دورة { $date }، اللجنة: { $committee }.
feed-step-outcome-adopted = وافق المجلس على العريضة.
feed-step-outcome-rejected = رفض المجلس العريضة.
feed-step-threshold = { $count ->
    [zero] لا توقيع، والنصاب { $threshold }.
    [one] توقيع واحد: تم بلوغ النصاب { $threshold }.
    [two] توقيعان: تم بلوغ النصاب { $threshold }.
    [few] { $count } توقيعات: تم بلوغ النصاب { $threshold }.
    [many] { $count } توقيعا: تم بلوغ النصاب { $threshold }.
   *[other] { $count } توقيع: تم بلوغ النصاب { $threshold }.
}

## Web application

site-name = تواصل
web-skip = الانتقال إلى المحتوى
web-nav = التصفح الرئيسي
web-languages = اللغات
web-language-name = العربية
web-login = تسجيل الدخول
web-logout = تسجيل الخروج
web-signup = إنشاء حساب
web-footer = تواصل، برنامج حر (AGPL) للديمقراطية المحلية
web-open-data = البيانات المفتوحة
web-home = الرئيسية
web-home-about = أبلغ عن مشكل في حيك، وتابع الردود العلنية للجماعة، وحضّر عرائض إلى المجلس الجماعي.
web-communes = الجماعات
web-latest = آخر المستجدات
web-nothing-yet = لا شيء حتى الآن.
web-feed = تدفق Atom لهذه الصفحة
web-no-match = لا يوجد أي بلاغ يطابق هذا البحث.
web-clear-filters = عرض كل البلاغات
web-threshold = { $count ->
    [zero] العريضة: لا توقيع
    [one] العريضة: توقيع واحد
    [two] العريضة: توقيعان
    [few] العريضة: { $count } توقيعات
    [many] العريضة: { $count } توقيعا
   *[other] العريضة: { $count } توقيع
}
web-report = الإبلاغ عن مشكل
web-report-thanks = شكرا! بلاغك عمومي وقد أُحيل إلى { $department } ({ $commune }). أنت تتابعه: ستصلك كل إجابة حسب اختياراتك للرسائل.
web-report-thanks-held = شكرا! يراجع مشرف بلاغك قبل أن يصير عموميا، ثم يُحال إلى { $department } ({ $commune }). أنت تتابعه: ستصلك كل إجابة حسب اختياراتك للرسائل.
web-issues = البلاغات
web-search = بحث
web-status = الحالة
web-all = الكل
web-category = الفئة
web-arrondissement = المقاطعة
web-filter = تصفية
web-more = المزيد
web-open = مفتوحة
web-closed = مغلقة
web-figures = أرقام الجماعة
web-chart-title = نسبة البلاغات التي تلقت ردا في الأجل، حسب الفئة
web-petitions = العرائض
web-signatures-of = { $count ->
    [zero] لا توقيع
    [one] توقيع واحد
    [two] توقيعان
    [few] { $count } توقيعات
    [many] { $count } توقيعا
   *[other] { $count } توقيع
} من أصل { $threshold }
web-supports = { $count ->
    [zero] لا مساندة
    [one] مساندة واحدة
    [two] مساندتان
    [few] { $count } مساندات
    [many] { $count } مساندة
   *[other] { $count } مساندة
}
web-support = أنا أيضا
web-unsupport = سحب مساندتي
web-follow = متابعة
web-unfollow = إلغاء المتابعة
web-thread = المراسلات
web-no-replies = لا رد حتى الآن.
web-official-answer = رد رسمي
web-your-reply = ردك
web-send = إرسال
web-login-to-reply = سجل الدخول للرد أو المساندة أو المتابعة.
web-history = السجل
web-reported-on = أُبلغ عنه في { $at }
web-former-resident = ساكن سابق
web-fix-fields = صحح ما يلي:
web-issue-title = الموضوع
web-issue-description = الوصف
web-issue-address = العنوان أو معلم قريب (اختياري)
web-location = الموقع (اختياري)
web-location-help = اكتب خط العرض وخط الطول، أو استعمل موقع جهازك.
web-lat = خط العرض
web-lon = خط الطول
web-use-my-location = استعمال موقعي
web-location-found = أُدرج موقع جهازك في الاستمارة؛ تحقق منه قبل الإرسال.
web-location-refused = لم يعط جهازك موقعه (رُفض أو تعذر تحديده): اكتب عنوانا أو معلما قريبا، أو الإحداثيات.
web-email = البريد الإلكتروني
web-password = كلمة المرور
web-password-new = كلمة المرور (10 أحرف على الأقل)
web-forgot = نسيت كلمة المرور
web-display-name = الاسم الظاهر للعموم
web-language = اللغة
web-cndp-notice = تعالج معطياتك طبقا للقانون 09.08؛ تصريح لدى اللجنة الوطنية لحماية المعطيات ذات الطابع الشخصي رقم { $number }.
web-cndp-notice-unset = تعالج معطياتك طبقا للقانون 09.08. لم يصرح هذا الموقع بهذه المعالجة لدى اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي: إنه نسخة للتجربة أو العرض، فلا تضع فيه معطيات حقيقية.
web-my-account = حسابي
web-my-issues = بلاغاتي
web-my-follows = ما أتابعه
web-my-petitions = عرائضي
web-notifications = الرسائل التي أتلقاها
web-pref-issue-updates = الردود الرسمية وتغيرات حالة ما أبلغ عنه أو أتابعه
web-pref-all-replies = كل الردود الأخرى أيضا
web-pref-petition-updates = مراحل العرائض التي وقعتها أو أتابعها
web-pref-official = البلاغات الجديدة في نطاق اختصاصي
web-pref-official-immediate = رسالة لكل بلاغ
web-pref-official-daily = في موجز الصباح
web-pref-official-off = لا شيء
web-save = حفظ
web-saved = تم الحفظ.
web-my-data = معطياتي
web-export = تنزيل كل معطياتي (JSON)
web-delete-explained = حذف حسابي يمحو معطياتي الشخصية؛ تبقى مساهماتي العلنية موقعة باسم «ساكن سابق»، وتسحب توقيعاتي على العرائض التي ما زالت تجمع التوقيعات.
web-delete-confirm = أؤكد رغبتي في حذف حسابي
web-delete = حذف حسابي
web-deleted-title = تم حذف الحساب
web-deleted = تم محو حسابك ومعطياتك الشخصية.
web-duplicates = هل سبق الإبلاغ عنه؟
web-duplicates-help = هذه البلاغات المفتوحة من نفس الفئة قريبة جدا أو متشابهة. ساند أحدها بدل إنشاء بلاغ جديد: ترى الجماعة عدد السكان المعنيين.
web-support-this = مساندة هذا البلاغ
web-post-anyway = النشر على أي حال
web-watch = الرصد
web-watch-about = للجمعيات والصحفيين الذين يتابعون الجماعات: أرقام كل جماعة وبياناتها المفتوحة وتدفقاتها حسب الفئة.
web-exports = البيانات المفتوحة
web-open-data-about = كل ما هو عمومي في تواصل يمكن تحميله كاملا، دون حساب ولا مفتاح: البلاغات والعرائض بصيغة CSV (لجداول البيانات) أو JSON Lines (للبرامج)، لكل البلاد أو لجماعة واحدة، والأرقام بصيغة JSON، وتدفقات Atom لتتبع ما يتغير.
web-open-data-privacy = لا تتضمن أي معطيات شخصية: لا أصحاب البلاغات، ولا العناوين المكتوبة، ولا الموقعين؛ والمواقع مقربة إلى حوالي 11 مترا.
web-open-data-all = كل الجماعات
web-feeds = تدفقات Atom
web-feed-help = يجمع تدفقك الشخصي كل ما تتابعه، على عنوان سري (العنوان الجديد يعوض القديم).
web-feed-create = إنشاء عنوان تدفقي
web-feed-login = سجّل الدخول لإنشاء تدفقك
web-feed-created = عنوان تدفقك (احفظه، لا يظهر إلا مرة واحدة):
web-petition-council-actions = للجماعة: تسجيل القرارات
web-petition-admissible = مقبولة (بقرار من المكتب)
web-petition-inadmissible = غير مقبولة (قرار معلل)
web-petition-put-on-agenda = الإدراج في جدول الأعمال
web-petition-adopted = مقبولة من المجلس
web-petition-rejected = مرفوضة
web-petition-record-decision = تسجيل قرار المجلس
web-petition-dossier = ملف الإيداع (للطباعة)
detail-csrf = انتهت صلاحية هذه الاستمارة أو أنها لا تأتي من هذا الموقع. أعد تحميل الصفحة وحاول من جديد.

## Web: petitions

web-petition-commune = الجماعة
web-petition-new = إطلاق عريضة
web-petition-all = كل العرائض
web-petition-overdue = انقضى الأجل: الجماعة متأخرة.
web-petition-request = الطلب (النقطة المراد إدراجها في جدول أعمال المجلس)
web-petition-reasons = الدوافع والأهداف
web-petition-agent = الوكيل: { $name }
web-petition-by-association = مقدمة من جمعية { $name }
web-petition-agent-actions = إجراءاتك بصفتك وكيلا
web-petition-publish = نشر العريضة وفتح جمع التوقيعات
web-petition-publish-association = جعلها جاهزة للإيداع
web-petition-mark-filed = تسجيل الإيداع
web-petition-withdraw-reason = سبب السحب (اختياري)
web-petition-withdraw = سحب العريضة
web-petition-sign = التوقيع على هذه العريضة
web-petition-sign-button = وقّع
web-petition-login-to-sign = سجل الدخول للتوقيع على هذه العريضة أو متابعتها.
web-petition-signed = لقد وقعت على هذه العريضة.
web-petition-withdraw-signature = سحب توقيعي
web-petition-full-name = الاسم الكامل كما يظهر في بطاقتك الوطنية
web-petition-cin = رقم البطاقة الوطنية للتعريف
web-petition-cin-help = مشفر، لا ينشر أبدا ولا يعاد عرضه: لا يظهر إلا في اللائحة المسلمة لرئيس المجلس.
web-petition-address = العنوان
web-petition-declarations = أصرح بشرفي:
web-petition-declare-lives = أنني أسكن أو أعمل في الجماعة.
web-petition-declare-roll = أنني مسجل في اللوائح الانتخابية (أو تتوفر فيّ شروط التسجيل).
web-petition-declare-interest = أن لي مصلحة مباشرة ومشتركة في هذا الطلب.
web-petition-show-name = إظهار اسمي ضمن الموقعين العلنيين.
web-petition-consent = موافقتي الصريحة
web-petition-steps = المراحل التي ينص عليها القانون
web-petition-current = المرحلة الحالية
web-petition-step-collecting = يوقع السكان هنا حتى بلوغ عدد التوقيعات الذي يحدده القانون للجماعة.
web-petition-step-ready = التوقيعات كافية: يودع الوكيل العريضة لدى رئيس المجلس.
web-petition-step-filed = أودعت: لمكتب المجلس ثلاثة أشهر ليقرر قبولها أو رفضها.
web-petition-step-admissible = يدرسها المكتب؛ ويجب أن يكون الرفض معللا ويبلغ إلى الوكيل.
web-petition-step-on-agenda = إذا قبلت، تدرج في جدول أعمال دورة عادية بعد دراستها في لجنة.
web-petition-step-decided = يتداول المجلس ويصوت؛ وقراره علني.
web-petition-timeline = السجل العلني
web-petition-platform = تواصل (بلوغ النصاب)
web-petition-deadline = يجب على الجماعة تبليغ أي رفض في أجل أقصاه { $date }.
web-petition-days-left = { $count ->
    [zero] لم يبق أي يوم.
    [one] بقي يوم واحد.
    [two] بقي يومان.
    [few] بقيت { $count } أيام.
    [many] بقي { $count } يوما.
   *[other] بقي { $count } يوم.
}
web-petition-signatories = الموقعون العلنيون
web-petition-no-signatories = لا اسم علني حتى الآن.
web-petition-draft-help = المسودة لا يراها غيرك حتى تنشرها؛ وبعد النشر لا يمكن تغيير نصها.
web-petition-filer = من يقدم العريضة
web-petition-filer-citizens = مواطنات ومواطنون (عريضة مواطنين؛ وأنا وكيلها)
web-petition-filer-association = جمعية أنا عضو فيها
web-petition-organisation = الجمعية
web-petition-assoc-standing = الجمعية في وضعية قانونية سليمة.
web-petition-assoc-office = لها مقر أو فرع في الجماعة.
web-petition-assoc-activity = نشاطها مرتبط بموضوع العريضة.
web-petition-create = إنشاء المسودة
web-petition-detail-receipt-number = رقم الوصل
web-petition-detail-filed-on = تاريخ الإيداع
web-petition-detail-refusal-deadline = آخر أجل للرفض
web-petition-detail-next-session-on = الدورة العادية المقبلة
web-petition-detail-reason = السبب
web-petition-detail-session-date = تاريخ الجلسة
web-petition-detail-committee = اللجنة
web-petition-detail-outcome = القرار
web-petition-detail-summary = ملخص
web-petition-detail-signatures = التوقيعات
web-petition-detail-threshold = النصاب
## Web: desk and moderation

web-desk = مكتبي
web-moderation = الإشراف
web-desk-title = مكتب المسؤول
web-desk-new = بلاغات جديدة دون جواب
web-desk-overdue = متأخرة عن أجل الجواب
web-desk-waiting = في انتظار جوابي
web-desk-empty = لا شيء هنا حاليا.
web-desk-petitions = عرائض الجماعة
web-deadline = الأجل
web-days-overdue = { $count ->
    [zero] لا تأخير
    [one] تأخير يوم واحد
    [two] تأخير يومين
    [few] تأخير { $count } أيام
    [many] تأخير { $count } يوما
   *[other] تأخير { $count } يوم
}
web-days-left = { $count ->
    [zero] لم يبق أي يوم
    [one] بقي يوم واحد
    [two] بقي يومان
    [few] بقيت { $count } أيام
    [many] بقي { $count } يوما
   *[other] بقي { $count } يوم
}
web-refusal-deadline = يجب تبليغ الرفض قبل { $date }
web-overdue = تجاوز الأجل
web-replied-on = ورد رد في { $at }
web-moderation-title = قائمة الإشراف
web-moderation-empty = لا شيء للمراجعة.
web-kind-issue = بلاغ
web-kind-reply = رد
web-visibility-pending = محجوز للمراجعة
web-visibility-hidden = مخفي
web-visibility-public = منشور
web-flags = { $count ->
    [zero] لا إشعارات
    [one] إشعار واحد
    [two] إشعاران
    [few] { $count } إشعارات
    [many] { $count } إشعارا
   *[other] { $count } إشعار
}
web-reason = السبب (يُبلَّغ للكاتب عند الإخفاء أو إعادة النشر)
web-hide = إخفاء
web-restore = إعادة النشر
web-answer-title = الجواب الرسمي
web-answer-body = جوابكم العلني
web-new-status = الحالة الجديدة
web-keep-status = الإبقاء على الحالة الحالية
web-status-note = ملاحظة للسجل (جوابكم إن تُركت فارغة)
web-expected-on = التاريخ المتوقع (للحالة «مبرمج»)
web-expected-on-invalid = يجب أن يكون التاريخ المتوقع تاريخا (سنة-شهر-يوم).
web-responsible-body = الجهة المسؤولة (للحالة «خارج اختصاصنا»)
web-duplicate-of = رقم البلاغ الأصلي (للحالة «مكرر»)
web-answer-send = نشر الجواب

# issue 14: one text rule, personal data
field-text-control = يحتوي هذا النص على أحرف تحكم غير مرئية (مثل الحرف الفارغ): احذفها.
field-text-bidi = لا يمكن أن يحتوي الاسم على أحرف تعكس اتجاه القراءة.
field-personal-data = هذا النص علني بمجرد حفظه: احذف منه رقم الهاتف أو البريد الإلكتروني أو رقم البطاقة الوطنية.
field-issue-address = أدخل عنوانا من 300 حرف على الأكثر في سطر واحد.
field-flag-reason = اشرح سبب الإبلاغ في 1 إلى 500 حرف.
field-decision-reason = علل القرار في 1 إلى 1000 حرف.
field-organisation-name = أدخل اسم الهيئة في 1 إلى 200 حرف في سطر واحد.
field-organisation-purpose = صف غرض الهيئة في 1 إلى 2000 حرف.

# issue 14: expensive classes of work
detail-busy = طلبات كثيرة من هذا النوع (الأرقام أو البحث أو التصدير أو القوائم الطويلة) قيد الحساب الآن. أعد المحاولة بعد بضع ثوان.
web-figures-busy = الأرقام قيد الحساب: أعد تحميل الصفحة بعد لحظة.

# issue 14: petitions
dossier-duplicate-mark = تكرار مشتبه فيه
dossier-duplicates = ⚠ تكرار مشتبه فيه: تحمل هذه الأسطر رقم بطاقة وطنية استُعمل في توقيع آخر على هذه العريضة، ويجب التحقق منها قبل الإيداع. عدد الأسطر المعنية: { $count }.
dossier-erased = مُحيت أسماء الموقعين وأرقام بطاقاتهم الوطنية وعناوينهم بتاريخ { $at }، عند انتهاء مدة الحفظ التي تلي اختتام العريضة. يبقى عدد التوقيعات والسجل العمومي.

# issue 14: web
web-form-too-large = هذه الاستمارة أطول من أن تُستقبل. اختصر أطول نص فيها وأرسلها من جديد.
web-form-unsupported = لم تُرسل هذه الاستمارة كاستمارة من هذا الموقع. أعد تحميل الصفحة وحاول من جديد.
web-form-malformed = وصلت هذه الاستمارة غير مقروءة. أعد تحميل الصفحة وحاول من جديد.

## Dates and times, in Morocco's time (pages and mails)
date = { $day } { $month } { $year }
date-time = { $day } { $month } { $year } على الساعة { $time }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = ماي
month-6 = يونيو
month-7 = يوليوز
month-8 = غشت
month-9 = شتنبر
month-10 = أكتوبر
month-11 = نونبر
month-12 = دجنبر

## issue 16: errors next to their fields
web-back-to-form = العودة إلى الاستمارة
## issue 16: moderation journeys
mail-moderation-flagged-reason = أبلغ عنه عدد من السكان باعتباره مسيئًا. يبقى مخفيًا إلى أن يراجعه أحد المشرفين، وستصلك رسالة أخرى إذا أُعيد نشره.
web-flag-link = الإبلاغ عن إساءة
web-flag-title = الإبلاغ عن إساءة
web-flag-back = الرجوع إلى الشكاية
web-flag-intro = سيقرأ مشرفو الجماعة إبلاغك، ولن يعرف الكاتب من أرسله.
web-flag-reason = لماذا هو مسيء؟
web-flag-reason-help = مثلًا: سب، تهديد، معطيات شخصية لشخص آخر، إشهار، خارج الموضوع.
web-flag-send = إرسال إلى المشرفين
web-flag-own = هذا نصك أنت: لا يمكنك الإبلاغ عنه. يمكنك تصحيح ردك خلال 15 دقيقة بعد إرساله.
web-flag-done = شكرًا: وصل إبلاغك عن الإساءة إلى المشرفين.
web-flag-already = سبق أن أبلغت عن هذا المحتوى: سيراجعه المشرفون.
web-keep = الإبقاء (رفض الإبلاغات)
web-publish = نشر
web-moderation-intro = المحتويات المُبلَّغ عنها كمسيئة، أو الموقوفة بسبب معطيات شخصية، أو المخفية، في الجماعات التي تشرف عليها. كل قرار يحتاج إلى سبب ويبقى مسجلًا.
web-moderation-open = عرض في النقاش
web-moderation-reasons = أسباب الإبلاغات:
web-moderation-banner-hidden = هذه الشكاية مخفية عن العموم. السبب: { $reason }
web-moderation-banner-flagged = هذه الشكاية مخفية عن العموم بعد عدة إبلاغات عن إساءة، ولم يقرر أي مشرف بعد.
web-moderation-banner-held = هذه الشكاية موقوفة للمراجعة: يبدو أن نصها يتضمن معطيات شخصية. لا يراها إلا كاتبها والمشرفون.
web-moderation-banner-queue = اتخاذ القرار في قائمة الإشراف
## issue 16: figures in plain words and association petitions
web-figures-total = { $count ->
    [zero] لا بلاغ إلى الآن.
    [one] بلاغ واحد إلى الآن.
    [two] بلاغان إلى الآن.
    [few] { $count } بلاغات إلى الآن.
    [many] { $count } بلاغا إلى الآن.
   *[other] { $count } بلاغ إلى الآن.
}
web-figures-answered = { $count ->
    [zero] لم يتلق أي بلاغ ردا رسميا بعد.
    [one] تلقى بلاغ واحد ردا رسميا، خلال { $median } على الأكثر.
    [two] تلقى بلاغان ردا رسميا: أحدهما خلال { $median } على الأكثر، وكلاهما خلال { $p90 } على الأكثر.
    [few] تلقت { $count } بلاغات ردا رسميا: نصفها خلال { $median } على الأكثر، وتسعة من كل عشرة خلال { $p90 } على الأكثر.
    [many] تلقى { $count } بلاغا ردا رسميا: نصفها خلال { $median } على الأكثر، وتسعة من كل عشرة خلال { $p90 } على الأكثر.
   *[other] تلقى { $count } بلاغ ردا رسميا: نصفها خلال { $median } على الأكثر، وتسعة من كل عشرة خلال { $p90 } على الأكثر.
}
web-figures-none-answered = لم يتلق أي بلاغ ردا رسميا بعد.
web-figures-in-time = { $count ->
    [zero] الردود داخل الأجل المحدد: لا شيء من أصل { $due }.
    [one] الردود داخل الأجل المحدد: رد واحد من أصل { $due }.
   *[other] الردود داخل الأجل المحدد: { $count } من أصل { $due }.
}
web-figures-overdue = { $count ->
    [zero] لا بلاغ ينتظر ردا بعد انقضاء أجله.
    [one] بلاغ واحد ينتظر ردا بعد انقضاء أجله.
    [two] بلاغان ينتظران ردا بعد انقضاء أجلهما.
    [few] { $count } بلاغات تنتظر ردا بعد انقضاء آجالها.
    [many] { $count } بلاغا تنتظر ردا بعد انقضاء آجالها.
   *[other] { $count } بلاغ تنتظر ردا بعد انقضاء آجالها.
}
web-figures-overdue-at-least = { $count } بلاغ على الأقل تنتظر ردا بعد انقضاء آجالها.
web-duration-hours = { $count ->
    [zero] { $count } ساعة
    [one] ساعة واحدة
    [two] ساعتين
    [few] { $count } ساعات
   *[other] { $count } ساعة
}
web-duration-days = { $count ->
    [zero] { $count } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $count } أيام
    [many] { $count } يوما
   *[other] { $count } يوم
}
web-percent = { $value }%
web-chart-row = { $count ->
    [zero] لا شيء من أصل { $due } خلال أجل { $deadline }
    [one] واحد من أصل { $due } خلال أجل { $deadline }
   *[other] { $count } من أصل { $due } خلال أجل { $deadline }
}
web-chart-row-none-due = لم يبلغ أي بلاغ أجله بعد (الأجل: { $deadline }).
web-petition-association-progress = عريضة جمعية: لا تحتاج إلى توقيعات
web-petition-association-rule = لا تجمع الجمعية توقيعات (القانون التنظيمي 113.14): يجب أن يكون قد مر على تأسيسها أكثر من ثلاث سنوات، وأن تكون في وضعية قانونية سليمة، وأن يكون لها مقر أو فرع في الجماعة، وأن يكون نشاطها مرتبطا بموضوع العريضة؛ ويودعها ممثلها المفوض مرفقة بالنظام الأساسي، ووصل الإيداع القانوني، وما يثبت المقر، وقرار المكتب، والتفويض.
web-petition-step-ready-association = تجمع الجمعية وثائقها (النظام الأساسي، وصل الإيداع القانوني، ما يثبت المقر، قرار المكتب، التفويض)، ثم يودع ممثلها العريضة لدى رئيس المجلس.
## issue 16: what the official does, and the official's desk
status-planned-for = مبرمج ليوم { $date }
status-not-responsible-to = خارج اختصاص الجماعة: من اختصاص { $body }
status-duplicate-of = مكرر للبلاغ رقم { $id }
detail-official-support = البلاغ رقم { $id } من اختصاص مصلحتك: أنت تجيب عنه، والمساندة للسكان.
mail-issue-answered-with-status-subject = رد رسمي: { $title } ({ $status })
mail-issue-answered-with-status-body =
    أجاب { $official } ({ $official_title }) علنا على البلاغ «{ $title }»:

    { $excerpt }

    البلاغ أصبح الآن: { $status }.

    { $note }

    اقرأ الرد وتابع ما يلي:

    { $url }
web-answer-status-invalid = اختر حالة من القائمة.
web-desk-planned = مبرمجة
web-desk-all = كل البلاغات المفتوحة
web-desk-groups = قوائم العمل
web-desk-filters = تصفية وترتيب
web-desk-category = الفئة
web-desk-arrondissement = المقاطعة
web-desk-any-category = كل الفئات
web-desk-any-arrondissement = كل المقاطعات
web-desk-sort = الترتيب
web-desk-sort-oldest = الأقدم أولا
web-desk-sort-newest = الأحدث أولا
web-desk-sort-supported = الأكثر مساندة أولا
web-desk-sort-due = الأقرب أجلا أولا
web-desk-show = عرض
web-desk-next = الصفحة التالية
web-desk-first = العودة إلى الصفحة الأولى
web-desk-none = لا يوجد بلاغ مفتوح يطابق هذه المعايير.
web-desk-issues = البلاغات
web-desk-age = { $count ->
    [0] أُبلغ عنه اليوم
    [one] أُبلغ عنه أمس
    [two] أُبلغ عنه منذ يومين
    [few] أُبلغ عنه منذ { $count } أيام
    [many] أُبلغ عنه منذ { $count } يوما
   *[other] أُبلغ عنه منذ { $count } يوم
}
web-desk-due-in = { $count ->
    [0] الجواب منتظر اليوم
    [one] الجواب منتظر غدا
    [two] الجواب منتظر خلال يومين
    [few] الجواب منتظر خلال { $count } أيام
    [many] الجواب منتظر خلال { $count } يوما
   *[other] الجواب منتظر خلال { $count } يوم
}
## issue 16: accounts (sign-up, confirmation, changing one's password, address and name)
web-verify-resend = أعد إرسال رابط التأكيد
web-verify-resent = إذا كان هذا العنوان لا يزال ينتظر التأكيد، فقد أُرسل إليه رابط جديد صالح لمدة 48 ساعة.
web-verify-link-used = هذا الرابط لم يعد صالحا: استُعمل من قبل أو انتهت مدته. إذا كان عنوانك مؤكدا فسجّل الدخول، وإلا فاطلب رابطا جديدا.
web-verify-done = تم تأكيد عنوانك وأنت الآن متصل. يمكنك الآن التبليغ والرد والتوقيع والمتابعة.
web-reset-link-used = هذا الرابط لم يعد صالحا: استُعمل من قبل أو انتهت مدته. اطلب رابطا جديدا.
web-report-unconfirmed = عنوانك لم يُؤكَّد بعد: افتح الرابط الذي وصلك في البريد قبل إرسال هذا التبليغ. ما تكتبه هنا يبقى محفوظا.
web-me-unconfirmed = عنوانك لم يُؤكَّد بعد: افتح الرابط الذي وصلك في البريد لتتمكن من التبليغ والرد والتوقيع والمتابعة.
mail-account-password-changed-by-owner-subject = تغيرت كلمة المرور في تواصل
mail-account-password-changed-by-owner-body =
    مرحبا { $name }،

    تم للتو تغيير كلمة المرور لحسابك في تواصل من صفحة حسابك. وأُغلقت جلساتك الأخرى (المتصفحات والتطبيقات الأخرى).

    إذا لم تكن أنت، اطلب فورا كلمة مرور جديدة من صفحة الدخول وأخبرنا.
mail-account-email-change-confirm-subject = أكد عنوانك الجديد في تواصل
mail-account-email-change-confirm-body =
    مرحبا { $name }،

    طلبت أن يستعمل حسابك في تواصل هذا العنوان من الآن. لتأكيده، افتح هذا الرابط خلال 48 ساعة (يصلح مرة واحدة):

    { $url }

    ما دام هذا الرابط لم يُفتح، يبقى عنوانك القديم هو عنوان الحساب. إذا لم تطلب شيئا، تجاهل هذه الرسالة.
mail-account-email-change-notice-subject = طُلب تغيير عنوان حسابك في تواصل
mail-account-email-change-notice-body =
    مرحبا { $name }،

    طلب شخص متصل بحسابك في تواصل أن يستعمل الحساب من الآن العنوان { $email }. لن يتم التغيير إلا عند فتح الرابط المرسل إلى ذلك العنوان.

    إذا لم تكن أنت، سجّل الدخول وغيّر كلمة المرور (ستُغلق جلساتك الأخرى) وأخبرنا.
web-account-settings = اسمي وعنواني وكلمة المرور
web-change-name = تغيير الاسم الظاهر
web-change-email = تغيير البريد الإلكتروني
web-change-password = تغيير كلمة المرور
web-email-new = البريد الإلكتروني الجديد
web-password-current = كلمة المرور الحالية
web-name-hint = يظهر للعموم: لا رقم هاتف ولا بريد إلكتروني ولا رقم بطاقة وطنية.
web-email-change-hint = يُرسل رابط تأكيد إلى العنوان الجديد، ولا يحل محل القديم إلا بعد فتح هذا الرابط.
web-password-change-hint = ستُغلق جلساتك الأخرى (المتصفحات والتطبيقات الأخرى).
web-email-change-sent = أُرسل رابط تأكيد إلى العنوان الجديد. يبقى عنوانك الحالي هو عنوان الحساب حتى يُفتح الرابط، وأُرسل إشعار إلى عنوانك الحالي.
web-password-changed = تم تغيير كلمة المرور. أُغلقت جلساتك الأخرى وأُرسل إليك إشعار بالبريد.
web-name-changed = تم تغيير اسمك الظاهر.
field-password-current = كلمة المرور الحالية غير صحيحة.
field-email-same = هذا هو عنوان حسابك أصلا.
page-email-change-title = تأكيد عنوانك الجديد
page-email-change-button = استعمال هذا العنوان
page-email-change-done = أصبح حسابك يستعمل هذا العنوان.
web-email-change-link-used = هذا الرابط لم يعد صالحا: استُعمل من قبل أو انتهت مدته أو أُخذ العنوان في الأثناء. اطلب التغيير من جديد من حسابك.
