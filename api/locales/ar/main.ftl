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
detail-internal = حدث خطأ غير متوقع. معرف الطلب: { $request_id }.
detail-database-unavailable = قاعدة البيانات غير متاحة. أعد المحاولة بعد ثوان.
detail-migrations-pending = قاعدة البيانات قيد التحديث. أعد المحاولة بعد ثوان.

## Errors on one field or parameter

field-unknown = هذا الحقل غير مقبول هنا.
field-missing = هذا الحقل إلزامي.
field-invalid-type = نوع هذه القيمة غير صحيح.
field-invalid = هذه القيمة غير مقبولة.
param-lang = اختر ar أو fr أو zgh.
param-limit = أدخل عددا صحيحا من 1 إلى 100.
param-cursor = هذا المؤشر لم يصدر عن هذا الخادم.
param-invalid = هذا المعامل غير مقبول.

## Home

home-title = تواصل
home-tagline = أبلغ عن مشكل في جماعتك، وتابع أجوبة منتخبيك ومصالحك علنا، وهيئ عرائض محلية.
home-communes = الجماعات
home-api = واجهة البرمجة (JSON)
home-health = حالة الخدمة

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
