"""Japanese: 第1条（目的）, paragraphs 2, 3 after an unnumbered first, items （1）, である調."""

from __future__ import annotations

import re

from .base import (
    AgreementWords,
    BalanceWords,
    ChangesWords,
    ChecklistWords,
    FormatWords,
    KeyTermWords,
    ListPattern,
    Locale,
    NumberingWords,
    OverviewWords,
    PhraseWords,
    RedlineWords,
    ResultsWords,
    ScheduleWords,
    SignatureWords,
    StyleRule,
    SummaryHeadings,
    SummaryWords,
    Words,
)

# Deal-check findings by id (or id#variant): (message, why, fix), with the fields en.py names for each.
_CAP_ZERO_FEES_FIX = (
    '責任上限に0より大きい下限額を設ける（liability.cap.floor、例：{{"amount": 5000000, "currency": "JPY"}}）か、'
    '固定額の上限にする（"kind": "amount"）か、上限を設けない（"kind": "none"）ようにしてください。'
)
_CAP_ZERO_AMOUNT_FIX = (
    "liability.cap.amount を実際の金額（例えば対価の額や想定される損害額）にするか、"
    '上限を設けない（"kind": "none"）ようにしてください。'
)
_PERSONAL_DATA_WHY = (
    "画像・録音・記録には人が写っていたり、人に関する情報が含まれていたりすることがよくあります（ラインのカメラに写った作業員、"
    "医療データの患者など）。その場合は個人情報保護法が適用され、提供する側は提供の法的根拠を確保して受領者を監督し、"
    "受領者は安全に管理しなければならず、漏えいは個人情報保護委員会への報告が必要になることがあります。"
    "これを定める条項がなければ、安全管理、委託、外国への移転、漏えい、削除のいずれについてもルールがありません。"
)
_PERSONAL_DATA_FIX = (
    'データに個人情報が含まれるか確認してください。含まれる場合は "personal_data": {{"provided_by": '
    '["<提供する当事者のid>"]}} を加え、医療などの要配慮個人情報なら "sensitive": true を、日本国外で取り扱う可能性があるなら '
    '"cross_border": true を設定してください。含まれない場合は、そのことを記録するため "personal_data": {{"provided_by": []}} '
    "を加え、画像の人物は共有前に削除するかぼかしてください。"
)
_POC_FREE_WHY = (
    "スタートアップは無償のPoCを求められることがよくあります。モデル契約書も、これは作業の価値を低く見積もることになり、"
    "顧客側に何の約束も残らないと注意を促しています。"
)
_POC_FREE_FIX = "対価を合意するか、少なくとも次の契約に進まなかった場合の対価（next_step.fee_if_none）を定めてください。"
_POC_OPEN_WHY = (
    "成果ができてしまうと、互いにその価値が分かるため、帰属の合意はずっと難しくなります。合意するまでは、どちらも"
    "成果について出願したり、ライセンスや譲渡をしたり、検証の目的を超えて使ったりできません。最後まで合意できなければ、"
    "各当事者が自社の人の作ったものを持ち、共同で作ったものは共有になりますが、これはどちらも望まない形になりがちです。"
)
_JRD_NON_COMPETE_MESSAGE = (
    "契約終了後{months}か月間、各当事者は「{scope}」の分野の研究を、自社単独で行う場合も禁止されます。"
)
_JRD_NON_COMPETE_WHY = (
    "公正取引委員会の共同研究開発に関する指針が、プロジェクト終了後の制限として認めるのは、同じテーマでの第三者との研究を"
    "合理的な期間制限することだけです。終了後に当事者が自社単独で研究することを禁止するのは、期間が短くても、"
    "原則として不公正な取引方法に当たります。"
)
_JRD_NON_COMPETE_STARTUP = "自社のコア技術の開発を続けられないスタートアップは、事業の基盤そのものを失います。"
_JRD_NON_COMPETE_FIX = (
    '"non_compete.after_term": "third_parties_only" を設定し、終了後はその分野での第三者との（または第三者のための）研究だけを、'
    "定めた月数の間制限するようにしてください。"
)
# 改良を譲渡や独占的ライセンスで相手方に渡させる義務（ライセンス契約と共同研究開発契約の指摘：
# assign_back_improvements、exclusive_grant_back）。
_LICENCE_HANDOVER_WHY = (
    "公正取引委員会の知的財産ガイドラインは、ライセンシーに改良を譲渡させる義務や独占的にライセンスさせる義務を、"
    "有償か無償かを問わず、原則として不公正な取引方法として扱います。ライセンシーが技術を改良する意欲を失わせ、"
    "ライセンサーの市場での地位を強めるからです。"
)
_JRD_HANDOVER_WHY = (
    "公正取引委員会の共同研究開発ガイドラインは、改良を他の参加者に譲渡させる義務や独占的にライセンスさせる義務を、"
    "有償か無償かを問わず、原則として不公正な取引方法として扱います（知的財産ガイドラインも、ライセンシーの改良について"
    "同じ扱いです）。改良した当事者が技術を改良する意欲を失わせ、相手方の市場での地位を強めるからです。"
)
_JRD_ASSIGN_BACK_FIX = (
    '改良はそれぞれ改良した当事者のものとし（"improvements.owner": "improver"）、代わりに相手方に非独占的ライセンスを'
    '与えてください（"improvements.grant_back": "non_exclusive_free"）。'
)
_MAKE_GRANT_BACK_NON_EXCLUSIVE = '"improvements.grant_back": "non_exclusive_free" としてグラントバックを非独占的にし、'
_FINDINGS: dict[str, tuple[str, str, str]] = {
    # 金銭の条件：遅延損害金の率（日本法 "#japan" とそれ以外）、通貨の不一致、不実施補償。
    "money.late_interest_high#japan": (  # {rate}
        "遅延損害金の率が年{rate}%で、日本の実務で上限とされる年14.6%を超えています。",
        "年14.6%は、消費者契約法が消費者に請求できる遅延損害金の上限とし、下請法が親事業者の支払遅延に課す遅延利息の率です。"
        "事業者間ではこれを超える約定も直ちに違法ではありませんが、利息制限法が貸付けに設ける上限と同じく、裁判所が過大と見る"
        "目安になり、公序良俗に反するとして減額されることがあります。",
        "late_interest_percent を14.6以下にしてください。より高い率は、支払の遅れが債権者に実際に生じさせる損失で説明できる"
        "場合に限ってください。",
    ),
    "money.late_interest_high": (  # {rate}
        "遅延損害金の率が年{rate}%で、日本の契約で上限の目安とされる年14.6%を超えています。",
        "イングランド法やシンガポール法の下では、債権者に生じうる損失を大きく超える率は違約罰（ペナルティ）とされ、効力が"
        "認められないおそれがあります（シンガポールの裁判所は、損害の真正な予定かどうかを今も基準にしています）。"
        "ニューヨーク州法の下でも、明らかに不釣合いな率は認められないことがあります。消費者契約法の年14.6%や利息制限法の"
        "貸付けの上限といった日本の基準が目安になります。",
        "late_interest_percent を14.6以下にするか、より高い率は、債権者の借入金利など支払の遅れによる実際の損失で説明できる"
        "場合に限ってください。",
    ),
    "money.mixed_currencies": (  # {amounts} {currency}
        "この契約の金額の通貨がそろっていません（{amounts}）。",
        "各金額はそれぞれの通貨で支払われ、契約は通貨の間の換算を定めていません。合計や比較は、誰も合意していない為替相場に"
        "左右されます。通貨の違いは入力ミスであることもよくあります。",
        "意図したものでなければ、すべての金額を{currency}にしてください。意図したものであれば、換算の方法と基準日を合意してください。",
    ),
    "money.mixed_currencies#cap_floor": (  # {amounts} {currency} {floor_currency}
        "責任の上限の最低額は{floor_currency}ですが、この契約で支払われる金額は{currency}です（{amounts}）。",
        "責任の上限は、契約上支払われる金額と最低額のいずれか大きい方なので、両者を比べる必要があります。通貨が違うと、"
        "その比較は契約が定めていない為替相場と基準日に左右されます。",
        "意図したものでなければ、最低額を{currency}にしてください（liability.cap.floor.currency）。意図したものであれば、"
        "換算の相場と基準日を合意してください。",
    ),
    "jrd.no_non_practice_compensation": (  # {university} {company}
        "{university}は{company}と成果を共有し、各当事者が自由に実施できますが、不実施補償が定められていません。",
        "大学は自ら製品を製造・販売しません。各共有者が自由に実施できる定めでは、{company}は対価なく共有の成果を事業に使え、"
        "{university}にはその収入がありません。大学は通常、成果を使った製品の売上の一定率を不実施補償として求めます。"
        "決めずにおくと、売上が立った後に紛争になりがちです。",
        "今決めてください。results.joint_rules.non_practice_compensation_percent に率を指定するか、{university}が補償を"
        "求めないことを確認した上で指定せずにおいてください。",
    ),
    "purpose.vague": (
        "目的があいまいで、情報や成果の利用範囲を限定できません。",
        "契約上の利用制限はすべて「目的」を基準にしています。「新規事業に関する協業の検討」のような目的は、技術も製品も"
        "成果物も特定していないため、相手方は共有された情報をほとんど何にでも使えてしまいます。",
        "対象の技術、製品や用途、当事者が評価・開発する内容を書いてください（例：「製品Yの電池セパレータ向けに"
        "セルロースナノファイバーフィルムXを評価すること」）。",
    ),
    "project.objective_missing": (
        "協業の目的（達成目標）が書かれていません。",
        "協業が失敗する最も多い原因は、何をもって成功とするかを当事者が合意していないことです。",
        "プロジェクトで何をいつまでに達成するかを1文で書いてください。",
    ),
    "project.kpis_missing": (
        "成功の指標（KPI）が書かれていません。",
        "共通の指標がないと、続けるか止めるかの判断が交渉になってしまいます。",
        "測定できる目標を2つか3つ挙げてください（例：「テストセットでの欠陥検出率98%」）。",
    ),
    "project.roles_missing": (
        "プロジェクトで誰が何をするかが書かれていません。",
        "役割があいまいだと作業に抜けが生じ、遅れの原因がどちらにあるかで争いになります。",
        "project.roles に各当事者の作業を加えてください。",
    ),
    "project.decision_maker_missing": (
        "プロジェクトの意思決定をする人が決まっていません。",
        "当事者の意見が分かれたとき、現場の担当者は誰が決めるのかを知っている必要があります。",
        "意思決定をする役職や会議体を書いてください（例：「運営委員会」）。",
    ),
    "parties.mixed_script_name": (
        "名称 {name!r} に、複数の文字体系（{scripts}）の文字が混在しています。",
        "異なる文字体系の文字は見た目が同じことがあり（キリル文字の「Т」とラテン文字の「T」など）、混在した名称は"
        "見た目どおりの名称ではないおそれがあり、登記などの検索でも見つかりません。",
        "1つの文字体系の文字で名称を入力し直してください（日本語の名称は漢字・かな・ラテン文字が混在しても構いません）。",
    ),
    "ownership.joint_rules_default": (
        "成果が共有になる可能性がありますが、誰がそれを利用・ライセンスできるかが書かれていません。",
        "特許法73条により、共有者は他の共有者の同意がなければ持分の譲渡やライセンスができないため、"
        "どちらの当事者も相手方のライセンスを止めることができます。",
        "results.joint_rules を設定してください：各当事者が自由に実施できるか、第三者へのライセンスに今の時点で"
        "同意するか、費用をどう分担するか。",
    ),
    "ownership.copyright_decide_later": (
        "成果（ソフトウェア、データ、モデル、文書）の著作権の帰属が後で決めることになっています。",
        "合意するまでは、どちらもプロジェクトで作られたコードや文書を安心して利用・公表・ライセンスできず、"
        "原則として従業員が作成した側の当事者が著作者になります。",
        "著作権の帰属ルール（単独、共有、分野別）を今決めるか、copyright_ownership を削除して成果の帰属ルールに"
        "従うようにしてください。",
    ),
    "ownership.joint_blocks_startup": (
        "共有の成果は共有者全員の同意がなければライセンスできず、{startup}はスタートアップです。",
        "スタートアップは技術をライセンスして収益を得ます。大企業側が個々のライセンスへの同意を拒めると"
        "（特許法73条）、スタートアップの事業を人質に取られかねません。",
        '今の時点で同意を与える（results.joint_rules.third_party_licensing: "consent_given"）か、'
        "スタートアップの単独帰属とし、相手方にライセンスを許諾する形を合意してください。",
    ),
    "ownership.decide_later": (
        "成果の帰属が後で決めることになっています。",
        "価値のある成果ができてから帰属を決めようとするのは、典型的な紛争の原因です。その時点では互いに"
        "成果の価値が分かっているからです。",
        "帰属ルール（単独、共有、発明者主義、分野別）を今決めてください。著作権だけ別のルールにすることもできます。",
    ),
    "licence.exclusive_no_period": (
        "ライセンスが全期間にわたって独占的です。",
        "長い独占期間は、特にスタートアップにとって、権利者の中核技術を囲い込まれるおそれがあります。",
        "独占の期間を限定し（licence.exclusive_months）、その後は非独占にしてください。",
    ),
    "licence.exclusive_no_field": (
        "独占的ライセンスがすべての分野を対象にしています。",
        "全分野での独占は、関係のない市場でも、権利者が他の誰とも組めなくなります。",
        "ライセンスをライセンシーの分野や製品に限定してください（licence.field、licence.products）。",
    ),
    "licence.exclusive_no_fallback": (
        "ライセンシーが実施しなくても独占的ライセンスが終わりません。",
        "ライセンシーが独占権を得たまま技術を使わずにおくと、権利者はその技術から何の収益も得られません。",
        "licence.non_use_fallback_months（例：12）を設定して、その期間後に独占がなくなるようにするか、"
        "ライセンス契約では実施の努力義務（diligence.first_sale_months）を定めてください。",
    ),
    "licence.exclusive_no_minimum": (
        "スタートアップが許諾する独占的ライセンスに最低実施料がありません。",
        "ランニングロイヤルティだけでは、ライセンシーの売上が伸びない間、スタートアップには収入がありません。",
        "licence.royalty.minimum_annual を加えてください。",
    ),
    "licence.no_affiliate_sublicence": (
        "{licensee}は、関係会社に対してもサブライセンスできません。",
        "大企業はグループ会社を通じて製造や販売をすることが多く、グループ会社にサブライセンスする権利がなければ、"
        "実際の事業のやり方をライセンスがカバーしないおそれがあります。",
        '"sublicensing": "affiliates" を検討してください。',
    ),
    "confidentiality.survival_shorter_than_licence": (
        "秘密保持義務の存続期間は{years}年で、ライセンス期間より短くなっています。",
        "秘密である期間よりも長くライセンスされるノウハウは、ライセンシーがまだ対価を払っている間に開示されてしまうおそれがあります。",
        "秘密保持義務をライセンス期間以上続くようにするか、営業秘密は秘密である限り保護されるようにしてください。",
    ),
    "confidentiality.trade_secrets_expire": (
        "秘密保持期間が終わると、営業秘密も保護されなくなります。",
        "製造条件などのノウハウは、数年よりもずっと長く価値を持ち続けます。",
        '"trade_secrets_survive": true を設定してください。',
    ),
    "confidentiality.marked_only": (
        "秘密である旨が表示された情報しか保護されません。",
        "サンプル、デモ、現地訪問がある取引では、多くの情報が口頭や見せることで共有され、それらは保護されません。",
        '"marked_or_confirmed" を検討してください：口頭で開示した情報も、書面で確認すれば秘密情報になります。',
    ),
    "non_compete.broad": (
        "競業禁止の期間は{months}か月で、範囲は「{scope}」です。",
        "範囲が広い、または期間が長い競業禁止は、スタートアップが中核事業を行えなくなるおそれがあり、独占禁止法に違反するおそれもあります。",
        "プロジェクトの特定の製品と分野に限定し、期間は終了後12か月から24か月にしてください。",
    ),
    "liability.one_sided_cap": (
        "{party}の責任だけに上限があります。",
        "相手方は、同じ種類の違反について無制限の責任を負います。",
        '両当事者の責任に上限を設ける（"cap_applies_to": "both"）か、違いの理由を説明してください。',
    ),
    "liability.one_sided_cap#many": (
        "{party}の責任だけに上限があります。",
        "他の当事者は、同じ種類の違反について無制限の責任を負います。",
        '全当事者の責任に上限を設ける（"cap_applies_to": "both"）か、違いの理由を説明してください。',
    ),
    "disputes.law_court_mismatch": (
        "準拠法（{law}）と裁判所（{court}）の国が異なります。",
        "外国法を適用する裁判は時間と費用がかかり、判決を外国で執行するのが難しいこともあります。",
        '仲裁にする（"forum": "arbitration"）か、準拠法と裁判所を同じ国にしてください。',
    ),
    "licence.no_audit": (
        "純売上高に基づくランニングロイヤルティが支払われますが、ライセンサーは帳簿を監査できません。",
        "監査の権利がなければ、ライセンサーはライセンシーの報告を信じるしかありません。",
        '"audit": true を設定してください。',
    ),
    "term.notice_longer_than_term": (
        "更新を拒絶する通知の期限が、当初の契約期間より長くなっています。",
        "契約が始まる前に通知しなければならないことになり、当事者の意思にかかわらず契約が更新されます。",
        "term.renewal.notice_days を短くしてください。",
    ),
    "liability.cap_zero#fees": (
        "責任の上限はこの契約で支払われる対価の額ですが、支払われる対価がなく下限額もないため、上限は0になります。",
        "上限が0ということは、ほとんどの違反について当事者が何も賠償しないということで、誰も意図していないのが普通です。",
        _CAP_ZERO_FEES_FIX,
    ),
    "liability.cap_zero#fees_floor": (
        "責任の上限はこの契約で支払われる対価の額ですが、支払われる対価がなく下限額が0のため、上限は0になります。",
        "上限が0ということは、ほとんどの違反について当事者が何も賠償しないということで、誰も意図していないのが普通です。",
        _CAP_ZERO_FEES_FIX,
    ),
    "liability.cap_zero#fees_one": (
        "{party}の責任の上限はこの契約で支払われる対価の額ですが、支払われる対価がなく下限額もないため、上限は0になります。",
        "上限が0ということは、ほとんどの違反について{party}が何も賠償しないということで、誰も意図していないのが普通です。",
        _CAP_ZERO_FEES_FIX,
    ),
    "liability.cap_zero#fees_floor_one": (
        "{party}の責任の上限はこの契約で支払われる対価の額ですが、支払われる対価がなく下限額が0のため、上限は0になります。",
        "上限が0ということは、ほとんどの違反について{party}が何も賠償しないということで、誰も意図していないのが普通です。",
        _CAP_ZERO_FEES_FIX,
    ),
    "liability.cap_zero#amount": (
        "責任の上限が固定額0円になっています。",
        "上限が0ということは、ほとんどの違反について当事者が何も賠償しないということで、誰も意図していないのが普通です。",
        _CAP_ZERO_AMOUNT_FIX,
    ),
    "liability.cap_zero#amount_one": (
        "{party}の責任の上限が固定額0円になっています。",
        "上限が0ということは、ほとんどの違反について{party}が何も賠償しないということで、誰も意図していないのが普通です。",
        _CAP_ZERO_AMOUNT_FIX,
    ),
    "licence.exclusivity_outlasts_licence": (
        "独占期間は{exclusive_months}か月ですが、ライセンス自体は{months}か月しか続きません。",
        "ライセンスが先に終わるため、約束した独占期間は最後まで与えられず、当事者がそれぞれ異なる終了日を考えているおそれがあります。",
        "licence.exclusive_months を短くするか、ライセンス期間を長くしてください（licence.term）。",
    ),
    "personal_data.unstated": (
        "データを共有する取引ですが（{field} に「{word}」とあります）、その中に個人情報が含まれるかどうかが書かれていません。",
        _PERSONAL_DATA_WHY,
        _PERSONAL_DATA_FIX,
    ),
    "personal_data.unstated#people": (
        "データを共有する取引ですが（{field} に「{data}」と「{people}」とあり、人に関する情報と考えられます）、"
        "その中に個人情報が含まれるかどうかが書かれていません。",
        _PERSONAL_DATA_WHY,
        _PERSONAL_DATA_FIX,
    ),
    "nda.one_way_against_startup": (
        "{discloser}の情報だけが保護されますが、{recipient}も自社の情報を開示する可能性が高いです。",
        "オープンイノベーションではスタートアップも自社の技術を見せるのが普通で、片方向のNDAではそれが保護されません。",
        '双方向のNDA（"direction": "mutual"）を検討してください。',
    ),
    "poc.free": (
        "PoCが無償です。",
        _POC_FREE_WHY,
        _POC_FREE_FIX,
    ),
    "poc.free#startup": (
        "PoCが無償で、作業をするのはスタートアップの{provider}です。",
        _POC_FREE_WHY,
        _POC_FREE_FIX,
    ),
    "poc.ownership_open": (
        "成果と報告書の著作権を誰が持つかが決まっていません。契約には、報告書の提出前に、遅くとも{due}までに"
        "両当事者が合意して決める、とあるだけです。",
        _POC_OPEN_WHY,
        "署名の前に（遅くとも報告書の提出期限の{due}までに）、成果と報告書の著作権を誰が持つか、持たない側に利用の"
        "ライセンスを与えるかを決めてください。決めたら results.ownership（著作権だけ別にするなら "
        "results.copyright_ownership も）を、ライセンスを与えるなら licence を設定してください。",
    ),
    "poc.ownership_open#ip": (
        "成果のうち発明やノウハウを誰が持つかが決まっていません。契約には、報告書の提出前に、遅くとも{due}までに"
        "両当事者が合意して決める、とあるだけです。",
        _POC_OPEN_WHY,
        "署名の前に（遅くとも報告書の提出期限の{due}までに）、成果の発明やノウハウを誰が持つか、持たない側に利用の"
        "ライセンスを与えるかを決めてください。決めたら results.ownership を、ライセンスを与えるなら licence を"
        "設定してください。",
    ),
    "poc.ownership_open#copyright": (
        "報告書を含め、成果の著作権を誰が持つかが決まっていません。契約には、報告書の提出前に、遅くとも{due}までに"
        "両当事者が合意して決める、とあるだけです。",
        _POC_OPEN_WHY,
        "署名の前に（遅くとも報告書の提出期限の{due}までに）、報告書やソフトウェア、データ、モデルの著作権を誰が持つか、"
        "持たない側に利用のライセンスを与えるかを決めてください。決めたら results.copyright_ownership を、"
        "ライセンスを与えるなら licence を設定してください。",
    ),
    "background.no_exploitation_licence": (
        "成果は{owner}に帰属しますが、成果を利用するには相手方のバックグラウンドIPが必要で、事業化のためのライセンスがありません。",
        "相手方のバックグラウンドIPなしでは使えない成果はほとんど価値がなく、相手方がその利用を止めることができます。",
        "事業化のためのライセンス（non_exclusive_reasonable または non_exclusive_free）を定めるか、不要な理由を説明してください。",
    ),
    "university.no_publication_right": (
        "大学が成果を公表したり研究・教育に使ったりする権利が書かれていません。",
        "大学は研究成果を公表しなければなりません。それを妨げる契約は、通常、大学に断られるか守られません。",
        '"publication.academic_freedom": true を設定し、特許出願のための事前通知と公表延期の期間を定めてください。',
    ),
    "university.long_publication_delay": (
        "公表を{days}日間延期できることになっています。",
        "約90日を超える延期は一般的でなく、学生の論文の妨げになります。",
        "特許出願に十分な60日から90日を検討してください。",
    ),
    "jrd.non_compete_own_rnd": (
        _JRD_NON_COMPETE_MESSAGE,
        _JRD_NON_COMPETE_WHY,
        _JRD_NON_COMPETE_FIX,
    ),
    "jrd.non_compete_own_rnd#startup": (
        _JRD_NON_COMPETE_MESSAGE + "{startups}はスタートアップです。",
        _JRD_NON_COMPETE_WHY + _JRD_NON_COMPETE_STARTUP,
        _JRD_NON_COMPETE_FIX,
    ),
    "jrd.non_compete_own_rnd#startups": (
        _JRD_NON_COMPETE_MESSAGE + "{startups}はスタートアップです。",
        _JRD_NON_COMPETE_WHY + _JRD_NON_COMPETE_STARTUP,
        _JRD_NON_COMPETE_FIX,
    ),
    "licence.assign_back_improvements": (
        "{licensee}は、自社単独で行った改良を{licensor}に譲渡しなければなりません（アサインバック）。",
        _LICENCE_HANDOVER_WHY,
        '改良はそれぞれ自社のものとし（"improvements.owner": "improver"）、代わりにライセンサーに非独占的ライセンスを'
        '与えてください（"improvements.grant_back": "non_exclusive_free"）。',
    ),
    "licence.sublicensable_grant_back": (
        "{licensor}は{licensee}の改良について期間の定めのない無償ライセンスを受け、それをグループ会社や、"
        "{licensee}と競合するおそれのある他のライセンシーにサブライセンスできます。",
        "非独占的なグラントバックは公正取引委員会の知的財産ガイドライン上、原則として問題ありませんが、ライセンサーが"
        "他のライセンシーに渡せるものは、ライセンシーの成果を無償で競合相手に渡すことになります。それによってライセンシーの"
        "改良の意欲が弱まり、ライセンサーの地位が強まる場合は、不公正な取引方法に当たることがあります。",
        'グラントバックをライセンス期間中のライセンサー自身の利用に限定する（"improvements.grant_back": '
        '"non_exclusive_free"）か、対価とサブライセンス先の限定を合意してください。',
    ),
    "licence.exclusive_grant_back": (
        "{licensee}は、自社単独で行った改良について、ライセンスの期間中、{licensor}に独占的ライセンスを与えなければなりません"
        "（独占的グラントバック）。その間、{licensee}は自社の改良を他社にライセンスできません。",
        _LICENCE_HANDOVER_WHY,
        _MAKE_GRANT_BACK_NON_EXCLUSIVE + "{licensee}が自社の改良を他社にもライセンスできるようにしてください。",
    ),
    # 共同研究開発：改良技術は、各当事者が研究の外で行った成果の改良で、改良した当事者が相手方に渡す（譲渡する）もの。
    "jrd.assign_back_improvements": (
        "研究の外で成果を改良した当事者は、その改良を、改良された成果の権利者に、話し合って決める対価で譲渡しなければなりません"
        "（アサインバック）。",
        _JRD_HANDOVER_WHY,
        _JRD_ASSIGN_BACK_FIX,
    ),
    "jrd.assign_back_improvements#sole": (
        "{other}は、研究の外で行った成果の改良を、成果の権利者である{owner}に、話し合って決める対価で譲渡しなければなりません"
        "（アサインバック）。",
        _JRD_HANDOVER_WHY,
        _JRD_ASSIGN_BACK_FIX,
    ),
    "jrd.exclusive_grant_back": (
        "各当事者は、研究の外で行った成果の改良について、相手方が成果を使える範囲で、相手方に独占的ライセンスを与えなければ"
        "なりません（独占的グラントバック）。その範囲では、改良した当事者は自ら使えるだけで、他社にライセンスできません。",
        _JRD_HANDOVER_WHY,
        _MAKE_GRANT_BACK_NON_EXCLUSIVE + "各当事者が自社の改良を他社にもライセンスできるようにしてください。",
    ),
    "jrd.sublicensable_grant_back": (
        "各当事者は、研究の外で行った成果の改良を相手方に無償で使わせなければならず、相手方はそれをグループ会社や"
        "成果のライセンス先にサブライセンスできます。",
        "非独占的なグラントバックは公正取引委員会のガイドライン上、原則として問題ありませんが、相手方がライセンス先に"
        "渡せるものは、改良した当事者の成果を無償で第三者（競合相手かもしれません）に渡すことになります。それによって"
        "改良の意欲が弱まる場合は、不公正な取引方法に当たることがあります。",
        'グラントバックを相手方自身の利用に限定する（"improvements.grant_back": "non_exclusive_free"）か、'
        "対価とサブライセンス先の限定を合意してください。",
    ),
    "licence.licensee_prosecutes_non_exclusive": (
        "{licensee}は、非独占的ライセンスしか受けていないのに、{licensor}の特許の出願・維持を行います。",
        "{licensor}は同じ特許を他社にもライセンスでき、その他社は{licensee}による拒絶理由への対応、補正、"
        "年金の支払いに左右されます。出願・維持をライセンシーに任せるのは、独占的ライセンスでライセンシーだけが"
        "特許を実施する場合が普通です。",
        'ライセンサーが出願・維持を行い（"prosecution.by": "licensor"）、費用負担が目的ならライセンシーが費用を'
        '負担する（"prosecution.costs": "licensee"）か、ライセンスを独占的にしてください。',
    ),
    "licence.no_sublicence_income_share": (
        "{licensee}は誰にでもサブライセンスでき、サブライセンシーが支払う一時金やマイルストーンはすべて{licensee}が受け取ります。"
        "{licensor}が受け取るのは、ランニングロイヤルティを通じたサブライセンシーの売上の分配だけです。",
        "自由なサブライセンスにより、{licensee}は実質的に{licensor}の技術を売上と関係のない対価で他社にライセンスでき、"
        "その対価はライセンサーに入りません。",
        'サブライセンス収入の分配率を合意する（"licence.royalty.sublicence_income_percent"、例：20）か、'
        "サブライセンス先を関係会社や特定の会社に限定してください。",
    ),
    "term.renews_after_licence": (
        "契約は当初の期間{months}か月の後、{renewal_months}か月ごとに自動更新されますが、ライセンスの期間は{years}年で、"
        "その時点で終わっています。",
        "ライセンスが終わった後に更新されるライセンス契約は、何もライセンスされていないのに秘密保持、改良、グラントバックの"
        "義務で当事者を縛り続けることになります。そのためこの契約はライセンスの終了後には更新されず、仕様が求める更新は起こりません。",
        'ライセンスを契約とその更新に連動させる（"licence.term": {{"kind": "agreement_term"}}）か、'
        '"term.renewal.automatic": false にするか、ライセンスを当初の期間より長くしてください（licence.term.years）。',
    ),
}

LOCALE = Locale(
    code="ja",
    tag="ja-JP",
    clause_text_language="ja",
    number_first_paragraph=False,
    item_numbering="decimal",
    signature_layout="name_and_seal",
    capitalise_sentence_start=False,
    style_rules=(
        StyleRule(
            id="drafting.mixed_style", severity="warning",
            pattern=re.compile(r"(です|ます|でした|ました|ません)[。、」]"),
            what="です/ます in である調 text", why="Japanese contract text uses である調 throughout.",
        ),
    ),
    spec_defaults={"disputes.court": "東京地方裁判所", "disputes.arbitration.seat": "東京"},
    words=Words(
        formats=FormatWords(
            date="{year}年{month}月{day}日",
            month_names=(),
            money={"JPY": "金{amount}円", "USD": "{amount}米ドル", "EUR": "{amount}ユーロ", "GBP": "{amount}英ポンド"},
            thousands_separator=",",
            decimal_separator=".",
            and_list=ListPattern(two="{0}及び{1}", start="{0}、{1}", middle="{0}、{1}", end="{0}及び{1}"),
            or_list=ListPattern(two="{0}又は{1}", start="{0}、{1}", middle="{0}、{1}", end="{0}又は{1}"),
            quote="「{term}」",
            full_stop="。",
            keywords={"worldwide": "全世界"},
            periods={"days": ("{n}日", "{n}日"), "weeks": ("{n}週間", "{n}週間"), "months": ("{n}か月", "{n}か月")},
            by_date="{date}までに",
            within_period="本契約の効力発生日から{period}以内に",
            period_from_start="本契約の効力発生日から{period}",
        ),
        numbering=NumberingWords(
            article="第{number}条",
            article_title="（{title}）",
            heading_separator="",
            paragraph="{number}",
            item="（{n}）",
            sentence_joiner="",
        ),
        agreement=AgreementWords(
            titles={"nda": "秘密保持契約書", "poc": "技術検証（PoC）契約書", "jrd": "共同研究開発契約書", "license": "ライセンス契約書"},
            names={"nda": "秘密保持契約", "poc": "技術検証契約", "jrd": "共同研究開発契約", "license": "ライセンス契約"},
            preamble_party="{legal_name}（以下「{short_name}」という。）",
            preamble_parties=ListPattern(two="{0}と{1}", start="{0}、{1}", middle="{0}、{1}", end="{0}及び{1}"),
            preamble="{parties}は、{date}付で、次のとおり{name}（以下「本契約」という。）を締結する。",
            # The closing statement (本契約の成立を証するため…) is the signature article itself
            # (general.signature), so the Japanese block adds no sentence of its own.
            signing_intro="",
        ),
        signature=SignatureWords(
            date_blank="　　　　年　　月　　日",
            dated="{date}",
            seal="印",
            name="氏名",
            title="役職",
            signature="署名",
            for_party="",
        ),
        key_terms=KeyTermWords(
            heading="主要条件",
            note="この表は本契約の主要条件の要約であり、本文と異なる場合は本文が優先する。",
            parties="当事者",
            purpose="目的",
            term="契約期間",
            ownership="成果の帰属",
            licence="利用許諾の範囲",
            confidentiality="秘密保持期間",
            fee="対価",
            party="{legal_name}（{short_name}）",
            party_separator="、",
            term_value="{start}から{end}まで（{months}か月）",
            renewal="、以後{months}か月ごとに自動更新",
            confidentiality_years="契約終了後{years}年間",
            confidentiality_until_end="契約終了まで",
            trade_secrets="（営業秘密は秘密である限り存続）",
        ),
        phrases=PhraseWords(
            ownership={
                "sole": "{owner}の単独所有",
                "joint": "両当事者の共有（持分{shares}）",
                "inventor": "発明等をした者が属する当事者に帰属（共同の場合は共有）",
                "by_field": "分野ごとに帰属（別紙のとおり）",
                "decide_later": "都度協議して定める",
            },
            shares={"equal": "均等", "by_contribution": "貢献度に応じる"},
            exclusivity={
                "non_exclusive": "非独占",
                "exclusive_then_non_exclusive": "{months}か月間独占、その後非独占",
                "exclusive": "独占",
            },
            exclusive_for_months="（{months}か月間）",
            exclusive_from_date="{date}より前は非独占、{date}から{exclusivity}",
            exclusive_from_report="報告書の検収までは非独占、検収後は{exclusivity}",
            registered_exclusive="（日本の特許は専用実施権）",
            scope="{exclusivity}、{field}、地域：{territory}",
            scope_field="分野：{field}",
            scope_all_fields="分野の限定なし",
        ),
        schedule=ScheduleWords(
            title="別紙",
            project="プロジェクト概要（参考）",
            project_note="本項は当事者の共通理解を記録する参考情報であり、本契約の条項として当事者を拘束するものではない。",
            objective="目標",
            kpi="評価指標 {n}",
            risk_split="リスク分担",
            decision_maker="意思決定者",
            roles="役割分担",
            role="役割分担: {party}",
            milestones="スケジュール",
            deliverables="成果物",
            deliverable="{kind}（{party}）",
            deliverable_delivered="{kind}（{party}。本報告書とともに引き渡す。）",
            deliverable_kept="{kind}（{party}。引き渡さず、{party}が保持する。）",
            deliverable_kinds={
                "report": "報告書", "software": "ソフトウェア", "data_set": "データセット", "model": "学習済みモデル",
                "invention": "発明", "design": "意匠・設計", "documents": "文書",
            },
            fields="分野別の帰属",
            copyright_fields="分野別の帰属（著作権）",
            background="既存知的財産",
            patents="許諾特許",
            trademarks="許諾商標",
            royalty_milestones="マイルストーン一時金",
            sublicensees="再実施許諾先",
        ),
        summary=SummaryWords(
            headings=SummaryHeadings(
                title="やさしい要約：{title}",
                disclaimer="この要約は契約書の一部ではなく、法的助言でもありません。内容が異なる場合は契約書が優先します。各項目の条番号で契約書の本文を確認してください。",
                overview="この取引の要点",
                results="成果：誰のものか、誰が何に使えるか",
                parties="各当事者ができること・すべきこと・してはならないこと",
                may="できること",
                must="しなければならないこと",
                cannot="してはならないこと",
                secret="秘密にすること",
                money="お金",
                ending="契約の終わり方",
                checklist="協業チェックリスト",
                balance="バランス",
                findings="確認が必要な点",
                articles="条項ごとの要約",
                not_stated="記載なし",
                no_findings="指摘事項はありません。",
                severity={"error": "要修正", "warning": "注意", "info": "参考"},
                with_article="{text}（{article}）",
                article_separator="、",
                bullet="・",
            ),
            overview=OverviewWords(
                parties=ListPattern(two="{0}と{1}", start="{0}、{1}", middle="{0}、{1}", end="{0}及び{1}"),
                deal="{parties}が結ぶ{name}です。目的は「{purpose}」です。",
                nda_mutual="互いに渡す情報を秘密にし、この目的だけに使います。",
                nda_one_way="{discloser}が渡す情報を、{recipient}は秘密にし、この目的だけに使います。",
                poc="{provider}が技術検証を行い、{deadline}報告書を{customer}に渡します。",
                jrd="両者は共同で研究開発を行います。成果は{ownership}です。",
                license="{licensor}は{licensee}に、{subject}の利用を許諾します（{scope}）。",
                licence_subjects={"patents": "特許", "know_how": "ノウハウ", "copyright": "著作物", "trademark": "商標"},
            ),
            results=ResultsWords(header=("対象", "権利の帰属と利用", "条")),
            checklist=ChecklistWords(
                purpose="目的と成功の尺度を共有しているか",
                roles="役割とリスク分担は明確か",
                decides="誰が決めるか",
            ),
            balance=BalanceWords(
                balanced="全体としてバランスがとれています。",
                leans="全体としてやや{leader}に有利です。",
                favours="全体として{leader}に大きく有利です。",
                counts="（{counts}、全{total}条）",
                count="{party}に有利な条項{count}",
            ),
        ),
        redline=RedlineWords(
            heading="変更箇所：{old} → {new}",
            title="表題",
            preamble="前文",
            signature="署名欄",
            inserted="追加",
            deleted="削除",
            changed="変更",
            counts="条項：変更{changed}、追加{inserted}、削除{deleted}。",
            no_changes="二つの版の文言は同じです。",
            legend="削除された文言は[-このように-]、追加された文言は{+このように+}示します。",
        ),
        changes=ChangesWords(
            title="取引の変更点：{old} → {new}",
            intro="変更によって取引の内容がどう変わるかを、やさしい言葉でまとめたものです。この一覧は契約書の一部ではなく、法的助言でもありません。文言の変更は赤字比較（redline）で確認してください。",
            no_changes="変更はありません。二つの版は同じ取引を定めています。",
            heading="変更点",
            changed="{topic}：変更前：{was} → 変更後：{now}",
            added="新規（{topic}）：{text}",
            removed="削除（{topic}）：{text}",
            added_point="新規：{topic}：{text}",
            removed_point="削除：{topic}：{text}",
            added_article="新しい条項（{title}）：{text}",
            removed_article="削除された条項（{title}）：{text}",
            party_topic="{party}が{kind}",
            party_kinds={"may": "できること", "must": "しなければならないこと", "cannot": "してはならないこと"},
            sections={"confidentiality": "秘密保持", "money": "お金", "ending": "契約の終わり方"},
            now_favours="{party}に有利に変更",
            now_balanced="中立に変更",
            no_longer_favours="{party}に有利な条項がなくなる",
            with_balance="{text}（{article}、{balance}）",
            balance="取引全体のバランス",
            findings_new="新たに確認が必要な点",
            findings_resolved="解消された点",
            finding_new="新たに確認が必要な点（{severity}）：{message}",
            finding_resolved="解消された点（{severity}）：{message}",
            values="変更された設定値（法務担当者向け）",
            value="{path}：{was} → {now}",
            not_set="（なし）",
        ),
        findings=_FINDINGS,
    ),
)
