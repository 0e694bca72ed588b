"""Japanese: 第1条（目的）, paragraphs 2, 3 after an unnumbered first, items （1）, である調."""

from __future__ import annotations

import re

from .base import (
    AgreementWords,
    BalanceWords,
    BilingualWords,
    ChangesWords,
    ChecklistWords,
    FormatWords,
    InterviewWords,
    KeyTermWords,
    ListPattern,
    Locale,
    MessageWords,
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
    # --- consortium ---
    "consortium.no_deadlock_rule": (  # {parties}
        "{parties}者による運営委員会で決定できないときにどうするかが定められていません。",
        "3者以上になると採決が膠着しやすく、運営委員会が止まると作業項目の実施や資金配分機関への報告も止まります。",
        '"consortium.committee.deadlock" を "escalation"（各当事者の経営責任者が協議して決める）又は '
        '"coordinator_casting_vote" にしてください。',
    ),
    "consortium.no_leaving_rule": (
        "構成員がコンソーシアムから脱退する手続と、その成果及びアクセス権の扱いが定められていません。",
        "途中で抜けた構成員が他の当事者に必要な成果を持ち去ったり、貢献しなくなった後もアクセス権を持ち続けたりするおそれがあります。",
        '"membership.leaving" を "notice" 又は "consent" にし、脱退者が何を持ち続けるかを選んでください。',
    ),
    "consortium.exploiter_without_access": (  # {party} {kind}
        "{party}が成果を事業化する予定ですが、その種別の当事者は事業化のためのアクセス権を別途の契約によってしか得られません。",
        "他の当事者はその契約を拒むことができるため、成果を市場に出すはずの当事者がそれを使えないおそれがあります。",
        'その種別の当事者には "fair_reasonable" 又は "royalty_free" の条件でアクセス権を与えるか、事業化する当事者から外してください。',
    ),
    "consortium.no_exploiter": (
        "成果を事業化する当事者が定められていません。",
        "アクセス権、成果の帰属及び資金配分機関への報告は、プロジェクト後に誰が成果を使うかによって決まります。",
        '"access.exploiters" に事業化する当事者を記載してください。',
    ),
    "consortium.transfer_needs_approval": (  # {funder}
        "成果を他の当事者に移転する定めがありますが、公的資金に日本版バイ・ドール制度の条件が付いています。",
        "産業技術力強化法第17条により、その移転には{funder}の事前の承認が必要であり、時間がかかり、承認されないこともあります。",
        "承認の手続を日程に織り込むか、成果は創出者に帰属させたままアクセス権を与える方法を検討してください。",
    ),
    "consortium.party_without_budget": (  # {party}
        "{party}の予算が定められていません。",
        "作業を担当するのに予算のない当事者は、自己の資金が尽きた時点で作業を止めるおそれがあります。",
        "0円でも予算の行を設け、その当事者が自己負担で作業することを合意しておいてください。",
    ),
    "consortium.background_unlisted": (
        "いずれの当事者もバックグラウンドを記載していません。",
        "アクセス権や、自己のバックグラウンドに関する拒否権は、契約で特定されたものについてしか機能しません。",
        '"background_ip.items" に各当事者が持ち込むものを記載してください。',
    ),
    # --- joint_filing ---
    "joint_filing.university_no_revenue": (  # {university} {company}
        "{university}は{company}と発明を共有しますが、不実施補償も実施許諾の収入の配分も定められておらず、{university}には何の収入もありません。",
        "{company}は発明を自由に実施でき、大学は自ら製品を製造・販売しません。補償も収入の配分もないと、{university}は持分"
        "（と実施許諾・持分譲渡への同意権）を持ちながら対価を得られず、多くの大学の規程に反します。紛争は売上が立った後に起こりがちです。",
        "joint_rules.non_practice_compensation_percent に率（発明を使った{company}の製品の正味販売額に対する割合）を指定するか、"
        "実施許諾の収入を持分に応じて分ける（\"joint_rules.licence_income\": \"by_share\"）か、その両方を定めてください。",
    ),
    "joint_filing.no_non_practice_compensation": (  # {university} {company}
        "{university}は実施許諾の収入の配分を受けますが、{company}が自ら実施しても不実施補償は定められていません。",
        "特許法第73条により、各共有者は相手方に対価を払わずに発明を自ら実施できます。{university}は製造しないため、"
        "補償がなければ、発明から得られる収入は実施許諾の収入の配分だけです。",
        "joint_rules.non_practice_compensation_percent に率を合意するか、{university}が補償を求めないこと"
        "（例えば{company}が出願費用を全額負担するため）を確認してください。",
    ),
    "joint_filing.licence_income_open": (
        "第三者への実施許諾には両共有者の同意が必要ですが、その収入の分け方が定められていません。",
        "同意を求められた共有者は同意の際に条件を付けられますが、配分を決めずにおくと、許諾先が待っている時点で交渉が行き詰まりがちです。",
        "\"joint_rules.licence_income\" を \"by_share\"（持分に応じて配分）又は \"licensing_party\" にしてください。",
    ),
    "joint_filing.licence_income_open#consent_given": (
        "各共有者は相手方に断らずに第三者へ実施許諾できますが、その収入の分け方が定められていません。",
        "許諾した共有者が収入を受け取り、相手方はその一部も契約上請求できません。しかも、その許諾は相手方自身の実施と競合します。",
        "\"joint_rules.licence_income\": \"by_share\" にするか、許諾に同意を要する定め"
        "（\"joint_rules.third_party_licensing\": \"consent_required\"）にしてください。",
    ),
    "joint_filing.share_without_costs": (  # {payer} {other} {share}
        "出願の費用は全て{payer}が負担し、{other}は費用を負担せずに{share}%の持分を持ちます。",
        "企業が大学の持分の費用を負担するのはよくあることですが、{other}は実施許諾や持分譲渡への同意権を持ち続け、"
        "費用を負担しなくても持分は減りません。",
        "意図したとおりか確認し、他の条件（不実施補償の率を下げる、実施許諾への同意をあらかじめ与える等）で調整するか、"
        "費用を持分に応じて分担することを検討してください。",
    ),
    "joint_filing.no_take_over": (
        "共有者が持分を放棄し、又は費用の負担をやめたときの扱いが定められていません。",
        "年金を払わない共有者がいると、両者の特許が失効しかねません。放棄された持分は法律の定めによってのみ他の共有者に帰属し、"
        "対応のための通知期間もありません。",
        "\"abandonment.other_may_take_over\": true にして、持分を手放す共有者が事前に通知し、相手方に引き継がせる定めにしてください。",
    ),
    "joint_filing.foreign_filing_blocked": (
        "外国出願には両共有者の合意が必要で、一方が望まなければ誰も出願しません。",
        "相手方が自社製品のために外国での保護を必要としていても、一方の共有者がそれを止められます。優先権の期限（12か月）は交渉を待ちません。",
        "出願を望む共有者が単独で出願できる定め（\"foreign_filing.if_one_declines\": \"other_files_alone\"）にしてください。",
    ),
    # --- data_provision ---
    "data_provision.personal_data_unlimited": (  # {scope}
        "提供データに個人情報が含まれるのに、受領者は定めた目的を超えて利用できます（\"{scope}\"）。",
        "個人情報保護法上、個人情報は取得し提供された目的の範囲でしか利用できません。どんな用途にも使わせる形では提供の"
        "根拠を示せず、利用を本目的に限る個人情報の条項とも食い違います。",
        '"permitted_use.scope": "purpose_only" として目的を具体的に定めるか、先にデータを匿名加工してください'
        '（"provided_data.personal_info": "anonymised"）。',
    ),
    "data_provision.personal_data_unlimited#pseudonymised": (  # {scope}
        "提供データに仮名加工情報が含まれるのに、受領者は定めた目的を超えて利用できます（\"{scope}\"）。",
        "仮名加工情報は公表した利用目的の範囲でしか利用できず、原則として第三者に提供することもできません（個人情報保護法第41条）。"
        "受領者は、提供者の目的の範囲内で取扱いの委託を受ける形でしか扱えません。",
        '"permitted_use.scope": "purpose_only" として目的を具体的に定めるか、先にデータを匿名加工してください'
        '（"provided_data.personal_info": "anonymised"）。',
    ),
    "data_provision.derived_open": (
        "提供データから生まれる派生データ、学習済みモデルその他の成果の帰属が、後で協議することになっています。",
        "データ取引の価値の多くは派生データにあります。帰属が決まらないと、どちらも安心して活用できず、手元に持つ側が権利を主張しがちです。",
        '"derived_data.owner" で帰属先（"recipient" 又は "provider"）を決め、"derived_data.provider_may_use" で提供者が'
        "利用できるかも決めてください。",
    ),
    "data_provision.redistribution_personal": (  # {redistribution}
        "提供データに個人情報が含まれるのに、受領者はデータを他社に渡すことができます（\"{redistribution}\"）。",
        "関係会社を含め他社に個人情報を渡すことは、個人情報保護法上の第三者提供であり、本人の同意その他の根拠が必要です。"
        "個人情報の条項も、提供者の書面による承諾なく渡すことを禁じています。",
        '"permitted_use.redistribution": "none" とするか、渡す前にデータを匿名加工してください。',
    ),
    "data_provision.no_lawful_source": (  # {recipient}
        "{recipient}は提供データを使って製品を開発できるのに、提供者はデータを適法に取得したことも提供する権限も保証していません。",
        "データが違法に収集されたものであったり、第三者の権利や契約で利用が制限されていたりすると、それを使った製品を回収することに"
        "なりかねず、受領者は提供者に何も請求できません。",
        '"data_quality.warranty": "lawful_source"（又は "agreed_levels"）として、少なくとも適法な取得と提供する権限を'
        "提供者に保証させてください。",
    ),
    "data_provision.restricted_passed_on": (
        "提供データは限定提供データとして管理されるのに、受領者は承諾なく関係会社に渡すことができます。",
        "アクセスを制限して提供するデータは、提供先に限ってアクセスが管理されている間だけ、限定提供データ（不正競争防止法第2条第7項）"
        "として保護されます。自由に渡せると、提供者の保護が弱まります。",
        '"permitted_use.redistribution": "with_consent" として、データを受け取る関係会社を提供者が承諾した先に限ることを'
        "検討してください。",
    ),
    # --- ai_use ---
    "ai_use.input_reuse_unlimited": (  # {provider} {user}
        "{provider}は{user}の入力データをどのような目的にも利用でき、その利用を限定する定めがありません。",
        "入力データには、ユーザーの営業秘密や製造ノウハウ、人に関するデータが含まれることが多くあります。{provider}が自由に利用できると、{user}は、"
        "そのデータが分析され、保存され、他人に渡り、他の製品に組み込まれることを止められず、秘密保持の保護もほとんど意味を失います。"
        "経済産業省のAI・データの利用に関する契約ガイドラインも、再利用の目的と範囲を当事者間で定めることを求めています。",
        '再利用を限定してください。"input_data.improvement_use" を "de_identified"（{user}及びそのデータを識別できない形で、サービスの改善のためにのみ利用）、'
        '"opt_out"（同じ利用を、{user}が拒まない限り認める）又は "none" にします。',
    ),
    "ai_use.input_reuse_unlimited#other_customers": (  # {provider} {user}
        "{provider}は{user}の入力データを、他の顧客向けのモデルを含め、どのような目的にも利用でき、その利用を限定する定めがありません。",
        "入力データには、ユーザーの営業秘密や製造ノウハウ、人に関するデータが含まれることが多くあります。そのデータで学習したモデルが競合他社を含む他社に提供されると、"
        "{user}が得た知見がそのまま他社に渡るおそれがあり、{user}はこれを止められません。経済産業省のAI・データの利用に関する契約ガイドラインも、"
        "再利用の目的と範囲を当事者間で定めることを求めています。",
        '再利用を限定してください。"input_data.improvement_use" を "de_identified" 又は "opt_out" にし、'
        '他の顧客にも役立ててよいか（"input_data.other_customers"）を決めます。',
    ),
    "ai_use.model_without_code": (  # {provider} {user}
        "{user}がカスタムモデルを所有しますが、その学習用プログラムは{provider}だけが保有します。",
        "学習済みモデルは、データが変われば精度が落ちていきます。学習用プログラム（及び学習の設定）がなければ、{user}は、"
        "モデルを再学習させることも、別の提供者に移すことも、どのように作られたかを確かめることもできません。所有していても得るものは少なく、"
        "保守できるのは{provider}だけになります。",
        'モデルとともに学習用プログラムを引き渡すようにするか（"customised_model.training_code": "delivered"）、'
        '{provider}がモデルを所有し、{user}に必要な利用を認める形にしてください（"customised_model.owner": "provider"）。',
    ),
    "ai_use.no_availability_target": (  # {provider} {user}
        "サービスの稼働率の目標がありません。",
        "目標がなければ、{provider}はサービスを稼働させるよう合理的に努めることしか約束せず、サービスが止まったときに{user}が拠り所とする基準がありません。",
        '"service_level.availability_percent" を定めてください（例えば 99.5）。サービスが{user}の業務に欠かせないものでなければ、定めないこともできます。',
    ),
    "ai_use.no_availability_target#usage": (  # {provider} {user}
        "{user}はサービスの利用に応じて料金を支払いますが、サービスの稼働率の目標がありません。",
        "従量料金を払う{user}の業務は、必要なときにサービスが使えることに依存しています。目標がなければ、{provider}は合理的に努めることしか約束せず、"
        "サービスが止まったときに{user}が拠り所とする基準も、料金の減額を求める根拠もありません。",
        '"service_level.availability_percent" を定め（例えば 99.5）、料金で何が得られるかを双方で明らかにしてください。',
    ),
    "ai_use.personal_data_without_appi": (  # {provider} {user}
        "{user}の入力データには個人情報が含まれますが、その取扱いを定める条項がありません。",
        "個人情報を{provider}に送って処理させることは、個人情報保護法上の委託に当たり、{user}は{provider}を監督し、{provider}は安全に管理しなければなりません。"
        "条項がなければ、安全管理、再委託、外国への移転、漏えい及び消去について何も定まらず、個人情報がモデルの改善のための利用に回ることも止められません。",
        '"personal_data": {{"provided_by": ["<{user}の id>"]}} を追加し、健康情報その他の要配慮個人情報であれば "sensitive": true を、'
        'サービスが日本国外で運用されるなら "cross_border": true を指定してください。入力に個人情報が含まれないのであれば、'
        '"input_data.personal_data": false にします。',
    ),
    "ai_use.unlimited_model_changes": (  # {provider} {user}
        "{provider}は、予告なくいつでもモデルを変更できます。",
        "モデルが変わると、同じ入力に対して異なる出力が返ることがあります。{user}が現在のモデルの挙動を前提に確認手順やしきい値、"
        "業務の流れを組み立てていると、予告のない変更で、気付かないうちにそれが崩れるおそれがあります。",
        '重要な変更の事前通知を求めてください（"model_changes.rule": "notice"）。あわせて、解約できる権利（"notice_and_exit"）や、'
        '一定期間は従前の版を使い続けられる権利（"prior_version"）も検討します。',
    ),
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
    # --- ai in poc and jrd ---
    "ai.reuse_unlimited": (  # {developer} {partner}
        "{developer}は、{partner}のデータで学習させたモデル及びその学習済みパラメータを、制限なく他の顧客のために再利用できます。",
        "モデルが学習データから学んだものは学習済みパラメータに残るため、{partner}の競合のために再利用されたモデルは、"
        "{partner}のデータとそこに含まれるノウハウをその競合に持ち込みます。学習済みパラメータは著作権で保護されない"
        "ことがあるため、制限を置けるのは契約だけです。",
        '再利用を制限してください。{partner}の競合を除く（"ai.reuse": "except_competitors" とし、"ai.reuse_excluded" '
        'に競合を記載する）、同意を要するものとする（"with_consent"）、又は{developer}が再利用できるのを推論プログラムだけとし'
        '学習済みパラメータは再利用できないものとする（"none"）方法があります。',
    ),
    "ai.reuse_unlimited#personal": (  # {developer} {partner}
        "{developer}は、個人情報を含む{partner}のデータで学習させたモデルを、制限なく他の顧客のために再利用できます。",
        "個人情報で学習させたモデルからは、記憶された事例や推論攻撃によって個人情報が漏れることがあり、本人が同意したのは"
        "せいぜいこのプロジェクトでの利用です。制限のない再利用は、{partner}のデータとノウハウを競合に持ち込むことにもなります。",
        '再利用を制限し（"ai.reuse": "with_consent" 又は "none"）、再利用の前にモデルから個人情報を復元できないことを'
        "{developer}がどのように示すかを業務内容で定めてください。",
    ),
    "ai.data_provider_no_model_use": (  # {developer} {partner}
        "{partner}は学習用データを提供しますが、学習済みモデルを利用する権利がありません。モデル、パラメータ及び推論"
        "プログラムはすべて{developer}のもので、{partner}は利用できません。",
        "自社のデータでモデルを作らせた当事者は、少なくともそのモデルを利用できると考えるのが普通です。利用する権利が"
        "なければ、その後の利用にはすべて{developer}との新たな契約が必要になり、条件も{developer}が決めることになります。",
        '{partner}に利用する権利を与える（"ai.partner_use": "purpose_only" 又は "internal_business"）か、モデルの'
        '権利を持たせてください（"ai.model_owner": "joint" 又は "partner"）。',
    ),
    "ai.parameters_without_program": (  # {developer} {partner}
        "{partner}は学習済みモデル又はそのパラメータを所有（又は共有）しますが、推論プログラムは{developer}のもので、"
        "{partner}はこれを利用できません。",
        "学習済みパラメータは、それを動かすプログラムがなければ役に立ちません。{partner}は、{developer}との別の契約が"
        "なければ使えないモデルを所有することになります。動く唯一の複製を相手方が持つモデルを所有するのと同じ問題です。",
        '{partner}に推論プログラムを利用する権利を与える（"ai.partner_use": "internal_business"）か、推論プログラムも'
        '{partner}のものとしてください（"ai.inference_program_owner"）。',
    ),
    "ai.no_acceptance_tests": (  # {developer} {partner}
        "モデルは実際に使うために開発されますが、検収のためのテストが合意されていません。",
        "統計的なモデルの精度は事前に約束できないため、この契約は精度を保証しません。合意したテストがなければ、"
        "{developer}が約束どおりに納めたかを測る基準がなく、検収が紛争になります。",
        '"ai.acceptance_tests" にテストとその目標（テストデータ、再現率や誤り率などの指標及び基準値）を、保証ではなく'
        "努力目標として記載してください。",
    ),
    "ai.no_acceptance_tests#delivered": (  # {developer} {partner}
        "学習済みモデルが報告書とともに引き渡されますが、そのモデルの検収のためのテストが合意されていません。",
        "精度は保証されないため、合意したテストがなければ、{partner}には引き渡されたモデルを検収するか否かを判断する"
        "基準がなく、検証の結果も評価しにくくなります。",
        '"ai.acceptance_tests" にテストとその目標を記載してください。検証のKPIと同じものにするのが望ましいです。',
    ),
}

# Validation messages by id (see messages.py), with the fields en.py names for each.
_MESSAGES = {
    # --- consortium ---
    "consortium.coordinator_role": "コンソーシアムには事務を取りまとめる幹事が1者必要なため",
    "consortium.member_role": 'その他の当事者はすべて "role": "member" にしてください',
    "consortium.no_renewal": "コンソーシアムはプロジェクトの期間で終了し、自動更新しません（false にしてください）",
    "consortium.cap_for_all": 'コンソーシアムでは全当事者の責任を同じく制限します（"both" にしてください）',
    "consortium.budget_currencies": "予算が複数の通貨（{currencies}）で定められています。1つの通貨にしてください",
    "consortium.party_without_work": '"{party}" が担当する作業項目がありません（作業項目を割り当てるか、当事者から外してください）',
    "consortium.unanimous_matters_unused": '"voting": "majority" の場合にのみ使います（全員一致ではすべての事項が全員一致です）',
    "consortium.matter_twice": "同じ事項が2回記載されています",
    "consortium.casting_vote_with_unanimity": '決定票は多数決の可否同数を決するものです。全員一致の場合は "escalation" を選んでください',
    "consortium.notice_days_unused": '"leaving": "notice" の場合にのみ使います',
    "consortium.lead_party_missing": 'がありません。"lead_party" による帰属には成果を取得する当事者が必要です',
    "consortium.lead_party_unused": '"rule": "lead_party" の場合にのみ使います',
    "consortium.joint_shares_unused": '"rule": "joint_creators" の場合にのみ使います',
    "consortium.objection_after_publication": "公表の事前通知の期間（{notice}日）より短くしてください",
    # --- joint_filing ---
    "joint_filing.country_missing": "ありません。\"foreign\" の出願には出願する国の指定が必要です",
    "joint_filing.country_unused": "\"route\": \"foreign\" のときだけ使います（この出願は \"{route}\" です）",
    "joint_filing.share_twice": "当事者 \"{party}\" が2回以上記載されています",
    "joint_filing.share_missing": "当事者 \"{party}\" の持分がありません。\"shares\": \"stated\" では各当事者を1回ずつ記載してください",
    "joint_filing.shares_sum": "記載された持分の合計が{total}%で、100%になりません",
    "joint_filing.shares_unused": "\"shares\": \"stated\" のときだけ使います",
    "joint_filing.filing_party_missing": "ありません。\"by\": \"filing_party\" には出願手続を行う当事者の指定が必要です",
    "joint_filing.filing_party_unused": "\"by\": \"filing_party\" のときだけ使います",
    "joint_filing.cost_payer_missing": "ありません。\"costs\": \"one_party\" には費用を負担する当事者の指定が必要です",
    "joint_filing.cost_payer_unused": "\"costs\": \"one_party\" のときだけ使います",
    "joint_filing.no_filing_party_to_decide": "\"filing_party\" には出願手続を行う当事者が必要です。\"procedure.by\": \"filing_party\" にするか、両者で決める（\"both\"）にしてください",
    "joint_filing.declining_blocks_decision": "\"no_filing\" ではどちらの当事者も外国出願を止められるため、出願手続を行う当事者が単独で決められません。\"other_files_alone\" にするか、\"decided_by\": \"both\" にしてください",
    # --- data_provision ---
    "roles.data_provision": "データ提供契約には、データを提供する提供者と、それを利用する受領者がいるため",
    "data_provision.purpose_scope": (
        "データ提供契約では使いません。受領者がデータを何に使えるかは \"permitted_use.scope\" で決めます（削除してください）"
    ),
    "data_provision.provider_use_unused": (
        "true ですが、提供者による派生データの利用は、受領者が派生データを保有する場合にだけ定めます"
        "（\"derived_data.owner\" は \"{owner}\" です。削除してください）"
    ),
    "data_provision.levels_missing": (
        "がありません。\"data_quality.warranty\": \"agreed_levels\" には合意する品質の水準が必要です"
        "（例：「欠損値は各月1%以下」）"
    ),
    "data_provision.levels_unused": (
        "が指定されていますが、\"data_quality.warranty\" は \"{warranty}\" です。水準は \"agreed_levels\" のときだけ指定してください"
    ),
    "data_provision.fee_missing": "がありません。\"{kind}\" の対価には0より大きい金額が必要です（又は \"data_fees.kind\": \"free\"）",
    "data_provision.free_with_amount": (
        "が指定されていますが、\"data_fees.kind\" は \"free\" です（金額を削除するか、\"fixed\" 又は \"per_delivery\" を選んでください）"
    ),
    "data_provision.late_interest_free": "指定されていますが、データは無償で提供されるため、遅延利息のかかる支払がありません（削除してください）",
    "data_provision.interval_missing": (
        "がありません。定期的な提供（\"provided_data.delivery\": \"periodic\"）には提供の間隔（月数）が必要です"
    ),
    "data_provision.interval_unused": (
        "が指定されていますが、データの提供は1回です。\"provided_data.delivery\": \"periodic\" とするか、削除してください"
    ),
    "data_provision.delivery_before_start": "が効力発生日より前です",
    "data_provision.delivery_after_end": "{due} で、当初の期間が終わる {end} より後です（term.months を延ばすか、提供日を早めてください）",
    "data_provision.personal_data_missing": (
        "がありません。提供データに{kind}の情報が含まれる（\"provided_data.personal_info\": \"{kind}\"）ため、"
        "\"provided_by\" に提供者を指定した \"personal_data\" が必要です"
    ),
    "data_provision.personal_data_unused": (
        "が指定されていますが、\"provided_data.personal_info\" は \"{kind}\" です。\"personal\" 又は \"pseudonymised\" "
        "にするか、\"personal_data\" を削除してください"
    ),
    "data_provision.personal_data_from_provider": "は提供者だけを指定してください：[\"{provider}\"]",
    # --- ai_use ---
    "roles.ai_use": "AIサービス利用契約には、サービスを提供する提供者と、それを利用するユーザーがいるため",
    "ai_use.monthly_fee_missing": '料金の種類が "{kind}" の場合は月額料金が必要です。fees.monthly_fee を追加してください',
    "ai_use.monthly_fee_unused": '従量料金には月額料金はありません。fees.monthly_fee を削除するか、"fixed_and_usage" にしてください',
    "ai_use.unit_price_missing": '料金の種類が "{kind}" の場合は利用単位あたりの単価が必要です。fees.unit_price を追加してください',
    "ai_use.unit_missing": '料金の種類が "{kind}" の場合は単価の基準となる単位（例えば「1,000リクエスト」）が必要です。fees.unit を追加してください',
    "ai_use.usage_terms_unused": '固定料金には単価はありません。fees.unit_price と fees.unit を削除するか、"fixed_and_usage" にしてください',
    "ai_use.other_customers_without_use": '提供者は入力データを利用しない（"none"）ため、他の顧客のために役立てることもありません。other_customers を削除するか、利用を認めてください',
    "ai_use.prior_version_unused": 'prior_version_months は "prior_version" の場合にだけ使います（現在は "{rule}"）。削除してください',
    "ai_use.notice_unused": '"free" では提供者は予告をしません。notice_days を削除するか、予告のある方式を選んでください',
    "ai_use.training_code_unused": "カスタムモデルは提供者が所有し、学習用プログラムも提供者が保有します。training_code を削除してください",
    # the command line
    "cli.error": "エラー：{message}",
    "cli.warning": "警告：{message}",
    "cli.wrote": "{path} を書き出しました",
    "cli.wrote_agreement": "{path} を書き出しました（{articles}条、{size:,}バイト）",
    "cli.valid": "{file}：{type} の仕様として有効です（言語：{language}）",
    "cli.no_findings": "{source}：指摘事項はありません",
    "cli.not_built": "{source}：作成しませんでした。上のエラー{count}件を直すか、--despite-errors を付けて作成してください",
    "cli.already_exists": "{path} は既にあります。別の -o を指定するか、--force を付けて置き換えてください",
    "cli.why": "    理由：{text}",
    "cli.fix": "    対応：{text}",
    "cli.building": "作成中",
    "cli.batch_built": "{total}件中{built}件の契約書を {folder} に作成しました（{seconds}秒、毎秒{rate}件）。失敗{failed}件、警告{warnings}件",
    "output.exists": "{path}：既にあります。置き換えるには --force を付けてください",
    "output.exists_or_no_summary": "{path}：既にあります。置き換えるには --force を、作らないなら --no-summary を付けてください",
    "output.no_folder": "{folder}：フォルダがありません。先に作成してください",
    "verify.file": "検証：{file}",
    "verify.library": "作成時の条項ライブラリ：{recorded}",
    "verify.library_changed": "作成時の条項ライブラリ：{recorded}（現在は {installed}、またはファイルが異なります。以下の差異は編集ではなくライブラリの違いによる可能性があります）",
    "verify.text_unrecorded": "本文：本文の指紋が記録されていません（記録を始める前の版で作成されています）",
    "verify.text_as_written": "本文：ipclauses が書き出したとおりです",
    "verify.text_edited": "本文：ipclauses が書き出した後に編集されています",
    "verify.record_stale": "記録：記録された仕様からは記録された本文が作られません。来歴情報が書き換えられたか、別の作成時のものが残っています（偽造または古い記録）",
    "verify.edited": "編集：{article}",
    "verify.changed": "  変更：{text}",
    "verify.inserted": "  挿入：{text}",
    "verify.deleted": "  削除：{text}",
    "verify.added": "追加：{article}",
    "verify.removed": "削除：{article}",
    "verify.tracked_insertion": "変更履歴（挿入）：{article}（{by}）：{text}",
    "verify.tracked_deletion": "変更履歴（削除）：{article}（{by}）：{text}",
    "verify.comment": "コメント：{article}（{by}）：{text}",
    "verify.unknown_author": "作成者不明",
    "verify.problem": "問題：{problem}",
    "verify.exact": "結果：記録された仕様から作られるとおりの文書です",
    "verify.differs": "結果：記録された仕様から作られる文書と異なります",
    "cli.interrupted_nothing_written": "中断しました。ファイルは何も書き出していません",
    "cli.library_problems": "条項ライブラリに問題があります：\n{problems}",
    "cli.interrupted_after": "中断しました。{path} は書き出し済みです",
    "cli.interrupted_after_two": "中断しました。{first} と {second} は書き出し済みです",
    "cli.interrupted_after_many": "中断しました。{count} 個のファイルを書き出し済みです（最後は {last}）",
    "cli.batch_interrupted": "中断しました。中断までに {written} を {folder} に書き出しました。残りは作成していません",
    "cli.batch_interrupted_failed": "中断しました。中断までに {written} を {folder} に書き出し、{failed} 件が失敗しました。残りは作成していません",
    "cli.agreements_written": "{count} 件の契約書",
    "cli.agreement_written": "1 件の契約書",
    "cli.batch_needs_folder": "まとめて作成する（仕様が複数、-j または --json）ときは、契約書を書き出すフォルダを -o FOLDER で指定してください",
    "cli.batch_no_stdin": "まとめて作成するときは標準入力（-）を使えません",
    "cli.stdin_needs_output": "仕様を標準入力から読むときは、-o FILE か -o - を指定してください",
    "cli.pdf_needs_file": "--pdf は契約書と同じ場所にファイルを書き出します。-o FILE を指定してください",
    "cli.docx_to_terminal": "DOCX ファイルを端末には書き出せません。-o FILE を指定するか、出力をリダイレクトしてください",
    "cli.binary_to_terminal": "DOCX や PDF のファイルを端末には書き出せません。-o FILE を指定してください",
    "cli.plain_author": "制御文字や見えない文字を含まない、ふつうの名前を指定してください",
    "cli.redline_needs_output": "DOCX の変更履歴版には -o FILE が必要です（表示するだけなら --format md、html または json）",
    "cli.unknown_category": "その分類はありません（指定できるもの：{allowed}）",
    "cli.no_clause": "条項「{clause}」はありません（{close} のことですか？）",
    "cli.no_clause_list": "条項「{clause}」はありません（「ipclauses clauses list」で一覧できます）",
    "clauses.listed": "{id:40} {title}  [{agreements}]  選択肢：{variants}",
    "clauses.about": "分類：{category}、契約の種類：{agreements}、ファイル：{file}",
    "clauses.included_when": "入る条件：{condition}",
    "clauses.variant": "== 選択肢 {id}（{balance}）",
    "clauses.chosen_when": "選ばれる条件：{condition}",
    "clauses.chosen_when_default": "選ばれる条件：{condition}（既定）",
    "clauses.chosen_otherwise": "選ばれる条件：他の選択肢の条件がどれも当てはまらないとき（既定）",
    "clauses.text_from": "本文：選択肢 {id} と同じ",
    "clauses.text": "-- 本文（{language}）",
    "clauses.summary": "-- 要約（{language}）",
    "clauses.commentary": "-- 解説（{language}）",
    "inspect.title": "表題：{title}",
    "inspect.clauses": "条項：",
    "inspect.problems": "整合性：問題が {count} 件あります（警告を見てください）",
    "inspect.consistent": "整合性：埋め込まれた仕様は記録されたハッシュと一致し、文書のプロパティは来歴の記録と一致しています",
    "inspect.note": "注記：{note}",
    "inspect.notice": "inspect は、このファイルが作られた経緯についてファイル自体が記録している内容を示します。来歴は記録であって署名ではありません。ファイルを編集できる人は記録も編集できます。また inspect は契約書の本文（word/document.xml）を記録された仕様と照らし合わせません。",
    "redline.text_not_recorded": "{name}：本文が、記録された仕様からこの条項ライブラリで作られる本文と異なります（作成後に編集されたか、別の版のライブラリで作成されたものです）。変更履歴は仕様から作り直した本文と比べています。違いは `ipclauses verify {name}` で確認できます",
    # reading a DOCX (inspect, verify, redline)
    "document.in_file": "{name}：{problem}",
    "document.ask_again": "Word で保存したままのファイルをもう一度送ってもらってください",
    "document.not_found": "ファイルが見つかりません",
    "document.is_folder": "フォルダです。DOCX ファイルを指定してください",
    "document.not_regular_file": "通常のファイルではない（デバイス、パイプ、ソケットのいずれか）ため、読み込みません",
    "document.unreadable": "読み取れません（{reason}）",
    "document.too_large": "{limit} MB を超えていて、契約書としては大きすぎるため、読み込みません",
    "document.empty": "空のファイル（0 バイト）で、DOCX ファイルではありません",
    "document.not_a_zip": "DOCX ファイルではありません（{reason}）。DOCX は zip 形式のファイルですが、このファイルは zip ではありません",
    "document.cut_short": "DOCX（zip）が壊れています。末尾に zip の目録がなく、途中で切れている可能性があります。もう一度コピーするか、ダウンロードし直してください",
    "document.damaged": "DOCX（zip）が壊れています（{reason}）。{ask_again}",
    "document.too_many_members": "zip の中に {limit:,} 個を超えるファイルがあり、DOCX としては多すぎるため、読み込みません",
    "document.unsafe_member": "zip の中のファイル {member} は{why}。読み込みません（{ask_again}）",
    "document.member_control_character": "名前に制御文字を含んでいます（DOCX の部品の名前にはないものです）",
    "document.member_backslash": "名前にバックスラッシュ（\\）を含んでいます。zip ではフォルダを / で区切りますが、\\ をフォルダの区切りとして展開するツールもあります",
    "document.member_absolute_path": "絶対パスになっていて、展開するとどこにでも書き込まれるおそれがあります",
    "document.member_parent_folder": "パスに .. を含んでいて、展開先のフォルダの外に書き込まれるおそれがあります",
    "document.duplicate_part": "{part} が{count}個あります。DOCX では各部品は1つずつです",
    "document.missing_part": "{part} がありません。完全な DOCX ではありません",
    "document.missing_properties": "{part}（文書のプロパティ）がありません。完全な DOCX ではありません",
    "document.encrypted": "{part} が暗号化されています。DOCX の部品は暗号化されないものです（パスワードなしで保存し直してください）",
    "document.compression": "{part} が、DOCX では使われない zip の圧縮方式（{method}）で圧縮されています。{ask_again}",
    "document.part_too_large": "{part} が展開後 {limit:,} バイトを超えていて、ipclauses の DOCX としては大きすぎるため、読み込みません",
    "document.parts_too_large": "{part} を読み込むと、読み込む部品の合計が展開後 {limit:,} バイトを超え、ipclauses の DOCX としては多すぎるため、読み込みません",
    "document.long_prolog": "{part} の最初の要素の前に {limit} KB を超えるコメントや処理命令があります。DOCX の部品にはないものなので、読み込みません",
    "document.doctype": "{part} に DOCTYPE 宣言があります。DOCX の部品にはないものなので、読み込みません（実体参照も展開しません）",
    "document.bad_xml": "{part} が XML として正しくありません（{reason}）",
    "document.not_custom_properties": "{part} がユーザー設定プロパティの部品になっていません",
    "document.no_provenance": "ipclauses の来歴情報がありません（ipclauses で作成したファイルですか？）",
    "document.not_provenance": "ipclauses の来歴情報がありません（{part} は別の内容です）",
    "document.provenance_too_deep": "来歴情報の入れ子が {limit} 階層を超えているため、読み込みません",
    "document.provenance_not_unicode": "来歴情報に Unicode として正しくない文字（対になっていないサロゲート）があります",
    "document.provenance_damaged": "来歴情報が壊れています（{reason}）",
    "document.provenance_json_too_deep": "JSON の入れ子が深すぎます",
    "document.provenance_not_object": "JSON のオブジェクトではなく、{kind}になっています",
    "document.provenance_lacks": "{keys} がありません",
    "document.provenance_not_string_map": "{key} が、値がすべて文字列のオブジェクトになっていません",
    "document.provenance_bad_choices": "choices が、clause、variant、article を持つオブジェクトの配列になっていません",
    "document.provenance_spec_not_object": "spec が JSON のオブジェクトではなく、{kind}になっています",
    "document.provenance_bad_fingerprint": "body_sha256 が文字列になっていません",
    "document.json_boolean": "true または false",
    "document.json_duplicate_key": "同じキーが1つのオブジェクトに2回あります",
    "document.json_not_a_number": "{text} は JSON の数値ではありません",
    "document.spec_does_not_load": "記録された仕様がこのバージョンの ipclauses では読み込めないため、文書を作り直せません：\n{problems}",
    # the interview's answers file
    "answers.no_such_question": '"{key}" という質問はありません',
    "answers.no_such_question_did_you_mean": '"{key}" という質問はありません（"{close}" の間違いではありませんか？）',
    "answers.file_not_found": "ファイルが見つかりません（パスを確認してください）",
    "answers.not_regular_file": "{kind}で、回答ファイルではありません",
    "answers.unreadable": "読み取れません（{reason}）",
    "answers.too_large": "{limit:,} バイトを超えていて、回答ファイルとしては大きすぎます",
    "answers.not_utf8": "UTF-8 のテキストではありません。UTF-8 で保存し直してください",
    "answers.invalid_json": "JSON として正しくありません（{line}行目、{column}文字目）：{reason}",
    "answers.invalid_toml": "TOML として正しくありません{at}：{reason}",
    "answers.toml_at": "（{line}行目、{column}文字目）",
    "answers.toml_at_end": "（ファイルの末尾）",
    "answers.toml_invalid_statement": "TOML の書き方として読めない行があります",
    "answers.toml_expected_equals": "キーの後に「=」が必要です（キー = 値 の形で書いてください）",
    "answers.toml_invalid_value": "値の書き方が正しくありません（文字列は二重引用符で囲んでください）",
    "answers.toml_unclosed_array": "配列が閉じられていません（閉じる「]」がありません）",
    "answers.toml_unclosed_inline_table": "インラインテーブルが閉じられていません（閉じる「}}」がありません）",
    "answers.toml_unterminated_string": "文字列が閉じられていません（閉じる引用符がありません）",
    "answers.toml_overwrite": "同じキーに値が二度書かれています",
    "answers.toml_invalid_key": "キーの先頭に使えない文字があります",
    "answers.toml_invalid_date": "日付または日時として正しくありません",
    "answers.toml_expected_newline": "値の後に改行が必要です（1行に書けるのは「キー = 値」1つだけです）",
    "answers.toml_unclosed_table": "テーブル名の後に「]」が必要です",
    "answers.toml_unclosed_array_table": "配列テーブル名の後に「]]」が必要です",
    "answers.toml_declared_twice": "テーブル {table} が二度宣言されています",
    "answers.toml_illegal_character": "使えない文字 {character} があります",
    "answers.toml_found_invalid_character": "使えない文字 {character} があります",
    "answers.toml_expected": "{what} が必要です",
    "answers.not_object": '質問 ID をキーにした回答のオブジェクトで書いてください（例：{{"type": "nda"}}）',
    # making a PDF
    "pdf.no_libreoffice": "PDF を作るには LibreOffice が必要ですが、インストールされていません（PATH に soffice がありません）。Debian・Ubuntu では次のコマンドでインストールしてください：{command}。macOS・Windows では https://www.libreoffice.org/download/ からインストーラーを入手してください",
    "pdf.no_font": "この文書の言語（{tag}）のフォントがインストールされていないため、PDF に文書の文字を表示できません。{how}",
    "pdf.install_fonts": "Debian・Ubuntu では次のコマンドでインストールしてください：sudo apt-get install {packages}",
    "pdf.install_a_font": "その言語のフォントをインストールしてください",
    "pdf.cannot_start": "{soffice}：LibreOffice を起動できません（{reason}）。LibreOffice をインストールし直してください",
    "pdf.timeout": "LibreOffice の PDF への変換が {seconds:.0f} 秒以内に終わりませんでした。もう一度試すか、DOCX を LibreOffice で開いて、何が妨げになっているかを確認してください",
    "pdf.no_pdf": "LibreOffice が PDF を書き出しませんでした{detail}。もう一度試すか、DOCX を LibreOffice で開いて、表示される内容を確認してください",
    "pdf.libreoffice_said": "（LibreOffice のメッセージ：{said}）",
    "pdf.not_a_pdf": "LibreOffice が書き出したファイルは PDF ではありません{detail}",
    "pdf.fonts_not_embedded": "PDF にフォント（{fonts}）が埋め込まれていないため、別のコンピューターでは見え方が変わります。LibreOffice がフォントを埋め込めるか確認してください",
    "pdf.unreadable": "LibreOffice が書き出した PDF を読み取れません（{reason}）",
    # writing output
    "output.name_too_long": "{path}：ファイル名が {size} バイトあります。ファイルシステムで使えるのは {limit} バイトまでです。短い名前にしてください",
    "output.path_too_long": "{path}：パスが長すぎて、ファイルシステムで扱えません。短い名前か、別のフォルダを指定してください",
    "output.cannot_use": "{path}：使えません（{reason}）",
    "output.is_directory": "{path}：フォルダです。{example} のようにファイル名を指定してください",
    "output.not_regular_file": "{path}：{kind}で、通常のファイルではありません。--force を付けても置き換えません。削除するか、別の名前を指定してください",
    "output.kind_symbolic_link": "シンボリックリンク",
    "output.kind_fifo": "名前付きパイプ（FIFO）",
    "output.kind_device": "デバイス",
    "output.kind_socket": "ソケット",
    "output.kind_special": "特殊なファイル",
    "output.not_a_folder": "{folder}：フォルダではありません",
    "output.cannot_write_here": "{folder}：ここには書き込めません（{reason}）",
    "output.not_written": "{path}：書き出せませんでした（{reason}）。何も変更していません",
    "output.partly_written_one": "{written} は書き出しましたが、{path} は書き出せませんでした（{reason}）。すべてを書き出すには、--force を付けてもう一度作成してください",
    "output.partly_written": "{written} は書き出しましたが、{path} は書き出せませんでした（{reason}）。すべてを書き出すには、--force を付けてもう一度作成してください",
    "output.pdf_same_name": "{path}：PDF と同じ名前になってしまいます。契約書には .docx で終わる名前を付けてください",
    "output.not_built_findings": "作成しませんでした。取引内容のチェックでエラーが{count}件見つかりました（{ids}）。直すか、--despite-errors を付けて作成してください",
    "output.batch_folder_is_file": "{path}：ファイルです。まとめて作成するときは、出力先にフォルダを指定してください",
    "output.cannot_create_folder": "{path}：出力先のフォルダを作成できません（{reason}）",
    "output.same_file_name": "{other} と同じファイル名のため、どちらも {name} を書き出すことになります。どちらかの名前を変えてください",
    "output.same_output": "{name} を書き出しますが、{other} も同じファイルを書き出します。どちらかの名前を変えてください",
    "output.internal_error": "内部エラーが起きました（{kind}: {error}）。不具合として報告してください",
    "output.no_worker": "作成しませんでした。作成用のプロセスを起動できませんでした（{reason}）",
    "output.worker_died": "作成していたプロセスが途中で終了しました（{why}）",
    "output.worker_silent": "応答しなくなりました",
    "output.worker_out_of_memory": "シグナル 9 で強制終了されました。メモリ不足の可能性があります",
    "output.worker_killed_named": "シグナル {signal}（{name}）で強制終了されました",
    "output.worker_killed": "シグナル {signal} で強制終了されました",
    "output.worker_exited": "終了コード {code} で終了しました",
    # why the OS refused: what it means, then the OS's own words
    "output.reason_permission": "権限がありません：{strerror}",
    "output.reason_no_space": "ディスクの空き容量が足りません：{strerror}",
    "output.reason_read_only": "読み取り専用の場所です：{strerror}",
    "output.reason_loop": "シンボリックリンクが循環しています：{strerror}",
    "output.reason_not_a_folder": "パスの途中にフォルダでないものがあります：{strerror}",
    "output.reason_not_found": "ファイルまたはフォルダがありません：{strerror}",
    # reading the spec
    "spec.file_not_found": "ファイルが見つかりません（パスを確認してください）",
    "spec.is_directory": "フォルダです。仕様ファイルを指定してください",
    "spec.permission_denied": "読み取れません（読み取りの権限がありません）",
    "spec.not_regular_file": "{kind}で、仕様ファイルではありません（.json ファイルのパスか、標準入力なら - を指定してください）",
    "spec.unreadable": "読み取れません：{reason}（.json ファイルのパスを指定してください）",
    "spec.symlink_loop": "シンボリックリンクが循環しています",
    "spec.too_large_file": "大きすぎます。仕様ファイルは {limit:,} バイトまでです",
    "spec.too_large_input": "入力が {size:,} バイトあります。仕様ファイルは {limit:,} バイトまでです",
    "spec.too_large_text": "テキストが {limit:,} バイトを超えていて、仕様ファイルとしては大きすぎます",
    "spec.not_utf8": "UTF-8 のテキストではありません（{line}行目に読めないバイトがあります）。UTF-8 で保存し直してください",
    "spec.invalid_json": "JSON として正しくありません（{line}行目、{column}文字目）：{reason}{hint}",
    "spec.too_deep_json": "入れ子が深すぎて、仕様ファイルとして読めません（{limit}階層まで）",
    "spec.too_deep": "入れ子が深すぎて、仕様ファイルとして読めません",
    "spec.not_object": "仕様は JSON のオブジェクト {{...}} で書いてください（{kind}になっています）",
    "file_kind.fifo": "名前付きパイプ（FIFO）",
    "file_kind.character_device": "キャラクタデバイス",
    "file_kind.block_device": "ブロックデバイス",
    "file_kind.socket": "ソケット",
    "file_kind.directory": "フォルダ",
    "file_kind.special": "特殊なファイル",
    "json_kind.array": "配列",
    "json_kind.string": "文字列",
    "json_kind.number": "数値",
    "json_kind.boolean": "true/false",
    "json_kind.null": "null",
    # what the JSON decoder says, and the usual cause
    "json.expecting_value": "値があるはずの場所に値がありません",
    "json.expecting_property_name": "項目名を二重引用符で囲んで書いてください",
    "json.expecting_colon": "項目名の後にコロン（:）が必要です",
    "json.expecting_comma": "項目と項目の間にカンマ（,）が必要です",
    "json.unterminated_string": "文字列が閉じられていません（閉じる二重引用符がありません）",
    "json.control_character": "文字列の中に改行やタブなどの制御文字があります",
    "json.invalid_escape": "文字列の中のバックスラッシュ（\\）の使い方が正しくありません",
    "json.invalid_unicode_escape": "文字列の中の \\u に続く16進数4桁が正しくありません",
    "json.extra_data": "JSON の終わりの後に、余分な文字があります",
    "json.trailing_comma_object": "オブジェクトの最後の項目の後にカンマがあります",
    "json.trailing_comma_array": "配列の最後の要素の後にカンマがあります",
    "json_hint.missing_comma": "（{line}行目の末尾にカンマが抜けているようです）",
    "json_hint.single_quotes": "（JSON では文字列を二重引用符 \"...\" で囲みます。一重引用符は使えません）",
    "json_hint.comment": "（JSON にはコメントを書けません。削除してください）",
    "json_hint.trailing_comma": "（{line}行目の末尾のカンマを削除してください。JSON では最後の項目の後にカンマを置けません）",
    # values that no agreement can hold
    "value.too_deep": "入れ子が {limit} 階層を超えています（仕様がこれほど深くなることはありません）",
    "value.duplicate_key": "このオブジェクトに項目 \"{key}\" が2回以上出てきます（一つにしてください）",
    "value.key_control_character": "項目名に制御文字 {char} が含まれています",
    "value.key_unsafe_character": (
        "項目名の{position}文字目に {code_point}（{name}）が含まれています。これは{reason}です。契約書は書かれたとおりに"
        "表示されなければならないため、削除してください（気づかないうちに貼り付けられていることがよくあります）"
    ),
    "value.unsafe_character": (
        "{position}文字目に {code_point}（{name}）が含まれています。これは{reason}です。契約書は書かれたとおりに"
        "表示されなければならないため、削除してください（気づかないうちに貼り付けられていることがよくあります）"
    ),
    "unsafe.c1_control": "C1 制御文字",
    "unsafe.bidi_control": "文字の表示順を入れ替え、読む順と違う順に見せることがある双方向制御文字",
    "unsafe.invisible": "目に見えない文字",
    "unsafe.lone_variation_selector": "前に変化させる文字のない異体字セレクタ",
    "unsafe.invisible_format": "目に見えない書式文字",
    "value.integer_too_long": "{digits}桁を超える数値です。これほど大きな数値が必要な取引はありません（値を確認してください）",
    "value.number_too_long": (
        "{length:,}文字もある数値です。取引に必要な有効数字は {digits} 桁までです（値を確認してください）"
    ),
    "value.not_finite": "有限の数値ではありません（2.5 のように数字で書いてください）",
    "value.too_large": "{value} は取引の値としては大きすぎます（値を確認してください）",
    "value.too_many_digits": (
        "{value} は有効数字が {digits} 桁あります。正確に保てるのは {limit} 桁までです（短くしてください。契約書には数値を"
        "丸めずに、書かれたとおりに記載します）"
    ),
    "value.too_small": "{value} は小さすぎて正確に保てません（契約書には丸めた数値を記載しません）",
    "value.control_character": (
        "{position}文字目に、Word の文書に入れられない文字 {char} が含まれています（削除してください。気づかないうちに"
        "貼り付けられていることがよくあります）"
    ),
    "value.blank": "空白だけです（値を書くか、この項目を省いてください）",
    "value.line_break": "改行かタブが含まれています。値は1行で書いてください（契約書のレイアウトは ipclauses が整えます）",
    # fields: missing, unknown, of the wrong type or out of range
    "field.missing": "必須の項目 \"{name}\" がありません（追加してください）",
    "field.missing_somewhere": "必須の項目がありません",
    "field.unknown": "\"{name}\" という項目はありません{hint}",
    "field.did_you_mean": "（\"{name}\" の間違いではありませんか？）",
    "field.allowed_here": "（ここで使える項目：{names}）",
    "field.not_allowed": "{allowed} のいずれかを指定してください（{value} は使えません）",
    "field.tag_missing": "必須の項目 \"{name}\" がありません（{allowed} のいずれかを指定してください）",
    "field.invalid_date": "{value} は日付として正しくありません（2026-04-01 のように YYYY-MM-DD の形で書いてください）",
    "field.date_or_period": (
        "日付（2026-04-01 のように YYYY-MM-DD の形）か、{example} のような期間を書いてください（{value} は使えません）"
    ),
    "field.date_or_choice": (
        "日付（2026-04-01 のように YYYY-MM-DD の形）か、{allowed} のいずれかを書いてください（{value} は使えません）"
    ),
    "field.one_period": "\"days\"、\"weeks\"、\"months\" のうち一つだけを指定してください（例：{{\"weeks\": 3}}）",
    "field.more_than": "{value} は範囲外です（{limit} より大きい値にしてください）",
    "field.at_least": "{value} は範囲外です（{limit} 以上にしてください）",
    "field.less_than": "{value} は範囲外です（{limit} 未満にしてください）",
    "field.at_most": "{value} は範囲外です（{limit} 以下にしてください）",
    "field.too_few": "{actual}{unit}しかありません（{limit}{unit}以上必要です）",
    "field.too_many": "{actual}{unit}あります（{limit}{unit}以下にしてください）",
    "unit.item": "件",
    "unit.items": "件",
    "unit.characters": "文字",
    "field.empty": "空です（値を書いてください）",
    "field.text_too_long": "{limit}文字を超えています（短くしてください）",
    "field.bad_party_id": (
        "{value} は当事者 ID として使えません（英小文字で始め、英小文字・数字・「-」・「_」だけで 32 文字以内に"
        "してください）"
    ),
    "field.not_whole_number": "{value} は整数ではありません（30 のように数字で書いてください）",
    "field.not_number": "{value} は数値ではありません",
    "field.not_true_or_false": "{value} ではなく、true か false を書いてください",
    "field.not_text": "{value} は文字列ではありません（二重引用符 \"...\" で囲んでください）",
    "field.not_object": "{example} のようなオブジェクトで書いてください（{value} は使えません）",
    "field.not_object_plain": "オブジェクト {{...}} で書いてください（{value} は使えません）",
    "field.not_array": "配列 [...] で書いてください（{value} は使えません）",
    "field.other": "値が正しくありません（{detail}）",
    # parties and their roles
    "rule.party_id_taken": "\"{id}\" は他の当事者が使っています（当事者ごとに別の ID を付けてください）",
    "rule.not_a_party": "\"{value}\" という当事者 ID はありません（使える ID：{known}）",
    "rule.too_many_parties": "{agreement}の当事者は{how_many}です。{extra}を削除してください（今は{n}者あります）",
    "rule.too_few_parties": "{agreement}の当事者は{how_many}です。あと{more}者追加してください（今は{n}者です）",
    "rule.remove_this_party": "この当事者",
    "rule.remove_these_parties": "この当事者とそれ以降の当事者",
    "count.exactly": "{n}者",
    "count.at_least": "{n}者以上",
    "count.between": "{low}〜{high}者",
    "rule.role_needed": "\"role\": \"{role}\" の当事者がちょうど1者必要です（{why}）。今は{found}者です",
    "rule.role_needed_here": (
        "\"role\": \"{role}\" の当事者がちょうど1者必要です（{why}）。今は{found}者です（この当事者は \"{current}\" "
        "です。ここを \"{role}\" にしてください）"
    ),
    "rule.role_needed_change": (
        "\"role\": \"{role}\" の当事者がちょうど1者必要です（{why}）。今は{found}者です（この当事者の役割を変えてください）"
    ),
    "rule.role_not_fitting": "\"{role}\" はこの取引では使えません（使える役割：{allowed}）",
    "rule.role_not_fitting_hint": "\"{role}\" はこの取引では使えません（使える役割：{allowed}。{hint}）",
    "roles.one_way_nda": "一方向の秘密保持義務では、誰が開示し誰が受領するかを決める必要があるため",
    "roles.or_one_way": "または confidentiality.direction を \"one_way\" にしてください",
    "roles.poc": "技術検証には、検証する提供者と、それを依頼する顧客がいるため",
    "roles.license": "ライセンスには、許諾する者（licensor）と許諾を受ける者（licensee）がいるため",
    "rule.same_name": (
        "{other} の{whose}（{name}）と同じです。読み手が一方の当事者を他方と取り違えるおそれがあります（見た目で区別"
        "できる名前にしてください）"
    ),
    "rule.look_alike_name": (
        "{other} の{whose}（{name}）と同じに見えます。似た形の文字、全角・半角、見えない文字を除くと区別がつかず、"
        "読み手が一方の当事者を他方と取り違えるおそれがあります（見た目で区別できる名前にしてください）"
    ),
    "name_kind.short_name": "略称",
    "name_kind.legal_name": "正式名称",
    # terms every agreement has
    "rule.signing_date_late": "効力発生日より1年以上後になっています（両方の日付を確認してください）",
    "rule.announcement_text_missing": "ありません。\"agreed_text\" には公表する文面が必要です",
    "rule.announcement_text_unused": (
        "\"announcement\": \"agreed_text\" のときだけ使います（削除するか、announcement を変更してください）"
    ),
    "rule.earlier_nda_later": "この契約の効力発生日より後になっています（以前の秘密保持契約の日付は、この契約より前のはずです）",
    "rule.listed_twice": "\"{party}\" が2回挙がっています（各当事者は1回だけ書いてください）",
    "rule.personal_data_unused": (
        "個人情報を提供する当事者がいる場合にだけ使います（\"provided_by\" にその当事者を書くか、この項目を削除して"
        "ください。\"provided_by\": [] は個人情報をやり取りしないという意味です）"
    ),
    "rule.personal_data_every_party": (
        "当事者が3者以上のときは、すべての当事者を挙げてください。個人情報の条項は、一方の当事者が他方に提供する場合か、"
        "すべての当事者が互いに提供し合う場合について定めています"
    ),
    "rule.cap_amount_missing": "ありません。\"kind\": \"amount\" の上限には金額が必要です",
    "rule.cap_amount_unused": "\"kind\": \"amount\" のときだけ使います（今の上限は \"{kind}\" です）",
    "rule.cap_floor_unused": (
        "\"kind\": \"fees_paid\" のときだけ使います（今の上限は \"{kind}\" です）。削除するか、この下限付きで、支払済みの"
        "対価を上限にしてください"
    ),
    "rule.capped_party_missing": "ありません。\"cap_applies_to\": \"only\" には、責任に上限を設ける当事者の指定が必要です",
    "rule.capped_party_unused": "\"cap_applies_to\": \"only\" のときだけ使います",
    "rule.arbitration_missing": "ありません。仲裁には {{\"institution\": ..., \"seat\": ...}} の指定が必要です",
    "rule.title_language_unused": "\"{language}\" の表題ですが、この契約書はその言語で作成しません（\"{languages}\"）。削除するか、\"language\" にその言語を含めてください",
    "rule.court_missing": "ありません。専属的合意管轄とする裁判所を指定してください",
    "rule.not_drafted": "は{agreement}では定めません。この契約書にはその定めがなく、書いても契約書に現れないため、削除してください",
    "rule.court_unused": "\"forum\" が \"court\" か \"ip_mediation_then_court\" のときだけ使います（削除してください）",
    "rule.arbitration_unused": "\"forum\" が \"arbitration\" のときだけ使います（今の forum は \"{forum}\" です）",
    "rule.mediation_months_unused": (
        "\"forum\" が \"ip_mediation_then_court\" のときだけ使います（今の forum は \"{forum}\" です）。削除するか、"
        "\"forum\" を \"ip_mediation_then_court\" にしてください"
    ),
    "rule.mutual_only": "{agreement}では両当事者の情報を保護します。\"mutual\" にしてください（one_way は秘密保持契約用です）",
    "rule.no_announcement": "公表の条項は秘密保持契約と共同研究開発契約でだけ作成します。{agreement}では \"none\" のままにしてください",
    "rule.no_earlier_nda": "技術検証契約と共同研究開発契約で使う項目で、{agreement}では使えません（削除してください）",
    # a licence's usage scope (PoC, joint R&D, licence)
    "licence.parties_missing": (
        "ありません。所有の定めが \"{rule}\" のときは、ライセンスを許諾する者と受ける者（licensor と licensee）を"
        "指定してください"
    ),
    "licence.same_party": "licensor と同じ当事者になっています",
    "licence.exclusive_months_missing": "ありません。\"exclusive_then_non_exclusive\" には独占期間の月数が必要です",
    "licence.exclusive_period_missing": (
        "ありません。独占的ライセンスには期間が必要です（ライセンスの期間中ずっと独占とするなら "
        "\"exclusive_perpetual\": true にしてください）"
    ),
    "licence.non_exclusive_with_terms": "non_exclusive ですが、独占に関する項目が指定されています（それらを削除するか、exclusivity を変更してください）",
    "licence.perpetual_and_months": "exclusive_months と同時に true にはできません（どちらか一方にしてください）",
    "licence.sublicensees_missing": "空です。\"named\" のサブライセンスには、サブライセンス先の名前が必要です",
    "licence.sublicensees_unused": "\"sublicensing\": \"named\" のときだけ使います",
    "licence.term_years_missing": "ありません。\"kind\": \"years\" のライセンス期間には年数が必要です",
    "licence.term_years_unused": "\"kind\": \"years\" のときだけ使います",
    "licence.worldwide_and_countries": "\"worldwide\" は国名と組み合わせられません",
    "licence.paid_without_amounts": (
        "\"paid\" ですが、upfront、running_percent、milestones のどれも指定されていません（何を支払うかを書いてください）"
    ),
    "licence.free_with_amounts": "\"free\" ですが、金額が指定されています（金額を削除するか、\"paid\" にしてください）",
    "licence.minimum_without_running": "年間最低ロイヤルティには、その基準となる running_percent が必要です",
    "licence.exclusive_from_non_exclusive": (
        "{start} ですが、ライセンスが非独占です。独占の開始には \"exclusivity\": \"exclusive\" か "
        "\"exclusive_then_non_exclusive\" が必要です（削除するか、exclusivity を変更してください）"
    ),
    "licence.report_acceptance_only_poc": (
        "\"report_acceptance\" は、顧客が報告書を検収する技術検証契約でだけ使えます。独占が始まる日付か \"start\" を"
        "指定してください"
    ),
    "licence.exclusive_from_too_early": "{start} で、効力発生日 {effective} より前です（独占は契約より先には始められません）",
    "licence.exclusive_from_too_late": (
        "{start} で、ライセンスが終わる {end} より後です（日付を早めるか、{longer} を延ばしてください）"
    ),
    "licence.lengthen_years": "licence.term.years",
    "licence.lengthen_term": "term.months かライセンスの期間（licence.term）",
    "licence.registered_only_licence": (
        "許諾する特許を列挙するライセンス契約でだけ使えます。{agreement}では成果を契約によって許諾します"
        "（削除してください）"
    ),
    "licence.registered_needs_exclusive": (
        "\"exclusivity\": \"exclusive\" が必要です。専用実施権はその性質上、独占的な権利です（ライセンスを独占的にするか、"
        "registered_exclusive を削除してください）"
    ),
    "licence.registered_then_non_exclusive": (
        "\"exclusive_then_non_exclusive\" とは組み合わせられません。専用実施権は、登録を抹消しない限り非独占に変えられません。"
        "\"exclusive\" にする（期間を限るには exclusive_months を使います）か、契約上の独占的ライセンスにするなら "
        "registered_exclusive を削除してください"
    ),
    "licence.registered_non_use_fallback": (
        "non_use_fallback_months とは組み合わせられません。専用実施権は、登録を抹消しない限り、通知によって非独占に"
        "変えることはできません。non_use_fallback_months を削除する（不実施のときは、代わりに diligence で "
        "\"consequence\": \"terminate\" としてライセンスを終了できます）か、registered_exclusive を削除してください"
    ),
    "licence.registered_needs_japanese_law": (
        "日本法が必要です。専用実施権は日本の特許法上の権利なので、\"disputes.governing_law\": \"japan\" の場合にだけ"
        "作成します（今は \"{law}\" です）"
    ),
    "licence.registered_needs_patents": "licence.subject に \"patents\" が必要です。専用実施権は特許についての権利です",
    "licence.registered_needs_listed_patents": "licensed.patents に特許を列挙してください。登録では特許を一件ずつ特定します",
    "licence.registered_needs_japan": (
        "licence.territory に日本（または \"worldwide\"）が必要です。専用実施権は日本の特許にだけある権利です"
    ),
    "money.background_royalty_unused": (
        "合理的な条件で許諾するバックグラウンド IP のロイヤルティですが、licence_for_exploitation が \"{licence}\" です"
        "（\"non_exclusive_reasonable\" にするか、royalty_percent を削除してください）"
    ),
    "money.currency_without_running": (
        "ランニングロイヤルティの通貨ですが、running_percent が指定されていません（指定するか、通貨を削除してください）"
    ),
    "money.compensation_not_drafted": (
        "共同研究開発契約で定める項目で、{agreement}では定めません（削除するか、共同研究開発契約で合意してください）"
    ),
    "money.compensation_without_joint": (
        "共有者の間で支払うものですが、所有の定めでは共有になる成果がありません（削除するか、成果が共有になり得る"
        "所有の定めを選んでください）"
    ),
    # NDA
    "nda.no_fees_to_cap": "秘密保持契約には対価がありません。\"none\" か \"amount\" にしてください",
    "nda.next_step_fees": "fee_if_none と discount_if_follows は技術検証契約の項目で、秘密保持契約では使えません（削除してください）",
    "nda.late_interest": "指定されていますが、秘密保持契約には遅延利息のかかる支払がありません（削除してください）",
    # PoC
    "poc.report_before_start": "効力発生日より前です（作業が始まる前に報告書の期限が来ることはありません）",
    "poc.report_after_end": "{due} で、契約が終わる {end} より後です（term.months を延ばすか、期限を早めてください）",
    "poc.comments_after_filing": (
        "{comment}日で、出願前の通知期間（poc.filing_notice_days）の{notice}日より短くなっていません。出願する当事者は"
        "出願の前に意見を受け取る必要があるため、意見の期間を短くするか、通知期間を長くしてください"
    ),
    "poc.decider_with_fee": (
        "\"{decider}\" ですが、next_step.fee_if_none は{customer}が次に進まないと決めたときに支払うものなので、これを"
        "定めるときに決定できるのは顧客である{customer}だけです。\"decider\": \"{customer_id}\" にするか省くか、"
        "fee_if_none を削除してください"
    ),
    "poc.report_by_provider": (
        "\"{name}\" は種類が \"report\" ですが、報告書を書くのは{provider}です（顧客が作成する文書の成果には種類 "
        "\"documents\" を使ってください）"
    ),
    "poc.report_always_delivered": (
        "\"{name}\" は種類が \"report\" で、報告書は必ず引き渡されます（引き渡さない文書の成果には種類 \"documents\" を"
        "使ってください）"
    ),
    "poc.delivered_only_from_provider": (
        "\"{name}\" は{creator}が作成するものです。報告書とともに引き渡されるのは{provider}が作成したものだけなので、"
        "\"delivered\": false にしてください"
    ),
    "poc.never_handed_over": (
        "\"{name}\" は{customer}のものになるのに、{customer}に引き渡されません。\"delivered\": true にするか、"
        "{provider}の所有にしてください"
    ),
    # joint R&D
    "jrd.milestone_before_start": "効力発生日より前です",
    "jrd.milestone_after_end": "{due} で、契約が終わる {end} より後です",
    "jrd.payer_missing": "ありません。\"one_party_pays\" には費用を負担する当事者の指定が必要です",
    "jrd.joint_filing_not_joint": '共同出願契約は成果を共有する場合のものですが、results.ownership.rule が "{rule}" です（"joint" か "inventor" にするか、この項目を削除してください）',
    "jrd.joint_filing_shares_unused": '成果の持分が "by_contribution"（寄与に応じた持分）の場合のものです。持分が均等のときは削除してください',
    "jrd.joint_filing_shares_missing": 'ありません。成果の持分が "by_contribution" のときは、この発明での各当事者の持分を指定してください（例：[{{"party": "a", "percent": 60}}, {{"party": "b", "percent": 40}}]）',
    "jrd.costs_unused": "payer、amount、payment_days は \"rule\": \"one_party_pays\" のときだけ使います",
    "jrd.non_compete_too_long": "60か月を超えています。これより長い制限が独占禁止法上認められることはまれです",
    "jrd.exclusive_grant_back_of_assigned": (
        "\"exclusive\" ですが、\"owner\": \"original_owner\" では改良した当事者が改良を譲渡し、グラントバックはその"
        "当事者へのライセンスになるため、独占的にはなりません（\"none\"、\"non_exclusive_free\"、"
        "\"non_exclusive_sublicensable\" のいずれかにするか、\"owner\": \"improver\" にしてください）"
    ),
    # licence agreement
    "license.role_disagrees": (
        "\"{value}\" ですが、役割が \"{role}\" の当事者は \"{expected}\" です（削除するか、両者を一致させてください）"
    ),
    "license.nothing_licensed": "特許もノウハウも挙げられていません。許諾するものを列挙してください",
    "license.trademarks_missing": "空ですが、ライセンスの対象に \"trademark\" が含まれています（商標を列挙してください）",
    "license.income_share_without_sublicensing": (
        "指定されていますが、sublicensing が \"none\" なので、分配するサブライセンス収入がありません（削除するか、"
        "サブライセンスを認めてください）"
    ),
    "license.income_share_with_free_royalty": (
        "指定されていますが、ロイヤルティが \"free\" です。サブライセンス収入の分配は支払にあたります（ロイヤルティを "
        "\"paid\" にするか、削除してください）"
    ),
    "license.prosecution_without_patents": (
        "許諾する特許についての項目ですが、ライセンスの対象に \"patents\" が含まれていません（削除してください）"
    ),
    "license.take_over_unused": (
        "ライセンサーが手続を行う場合の項目です。\"by\": \"licensee\" では、ライセンシーが手放したものをライセンサーが"
        "引き取ります（削除してください）"
    ),
    "license.first_sale_both": "first_sale_months と first_sale_by は、どちらか一方だけを指定してください（今は両方が指定されています）",
    "license.first_sale_neither": (
        "first_sale_months と first_sale_by は、どちらか一方だけを指定してください（今はどちらも指定されていません）"
    ),
    "license.first_sale_too_early": "{date} で、効力発生日 {effective} より後になっていません",
    "license.already_non_exclusive": (
        "\"non_exclusive\" ですが、ライセンスはもともと非独占です（\"terminate\" にするか、ライセンスを独占的にしてください）"
    ),
    "license.registered_with_consequence": (
        "\"diligence.consequence\": \"{consequence}\" とは組み合わせられません。専用実施権は、登録を抹消しない限り非独占に"
        "変えられません（consequence を \"terminate\" にするか、registered_exclusive を削除してください）"
    ),
    # --- ai in poc and jrd ---
    "ai.stage_not_in_agreement": (
        "\"{stage}\" ですが、この契約が対象とする段階は {stages} です。後の段階には別の契約が必要です"
        "（開発又は追加学習には共同研究開発契約）"
    ),
    "ai.personal_training_data": (
        "学習用データに個人情報が含まれる（\"ai.training_data.personal_data\"）ため、個人情報の取扱いの条が必要です。"
        "\"personal_data\" を追加し、\"provided_by\" に個人情報を提供する当事者（{providers}）を記載してください"
    ),
    "ai.reuse_excluded_missing": (
        "\"reuse\": \"except_competitors\" では必要です。モデルを再利用してはならない競合又は事業分野を記載してください"
    ),
    "ai.reuse_excluded_unused": "\"reuse\": \"except_competitors\" の場合にだけ使います（今は \"{reuse}\" です）。削除してください",
    "ai.parameters_owner_same": (
        "\"{owner}\" で、model_owner と同じです。省いてください（モデルとは別に学習済みパラメータの帰属を定めるための項目です）"
    ),
    "ai.developer_not_provider": (
        "検証を行いモデルを学習させるのは受託者である{provider}でなければなりません（\"developer\": \"{provider_id}\"）"
    ),
}

_INTERVIEW = InterviewWords(
    intro="質問に一つずつ答えてください。Enterキーを押すと [ ] 内の回答を選べます。?を入力すると説明を表示します。"
    "不要な質問は飛ばし、細かな条件は、設定を選ばない限りバランスのとれた既定値のままにします。",
    sections={
        "joint_filing": "発明と共同出願",
        "consortium": "コンソーシアムの運営",
        "ai_service": "AIサービスの利用条件",
        "deal": "契約の種類", "parties": "当事者", "purpose": "目的と目標", "work": "業務の内容",
        "results": "成果と権利の帰属", "background": "各当事者が持ち込む知的財産（バックグラウンドIP）",
        "scope": "利用の範囲（ライセンス）", "confidentiality": "秘密保持", "money": "対価と費用",
        "term": "契約期間と終了", "disputes": "紛争の解決",
        "data_provision": "提供データとその利用",
        "ai": "AIモデルの開発（データ、権利の帰属と再利用）",
    },
    section="\n【{title}】",
    questions={
        "parties.count": "契約を結ぶ当事者はいくつですか（数字で答えてください）。",
        "roles.coordinator": "幹事を務めるのはどの当事者ですか。",
        "funding": "プロジェクトは公的資金によるものですか。",
        "type": "どの種類の契約ですか。",
        "language": "契約書は何語で作成しますか。",
        "title": "契約書の表題を入力してください",
        "party.legal_name": "当事者{n}の正式名称（登記上の名称）を入力してください",
        "party.short_name": "当事者{n}を契約書の中で呼ぶ略称を入力してください（例：山田製作所）",
        "party.id": "当事者{n}の識別子（英小文字・数字・-）を入力してください",
        "party.kind": "当事者{n}はどのような組織ですか。",
        "party.address": "当事者{n}の所在地（登記上の住所）を入力してください",
        "party.representative.name": "当事者{n}で署名する人の氏名を入力してください",
        "party.representative.title": "当事者{n}で署名する人の役職を入力してください（例：代表取締役）",
        "confidentiality.direction": "情報は双方が開示しますか、それとも一方だけが開示しますか。",
        "roles.discloser": "情報を開示するのはどちらの当事者ですか。",
        "roles.provider": "技術検証（PoC）を実施するのはどちらの当事者ですか。",
        "roles.provider#ai_use": "AIサービスを提供するのはどちらの当事者ですか。",
        "roles.provider#data_provision": "データを提供するのはどちらの当事者ですか。",
        "roles.licensor": "ライセンスを許諾するのはどちらの当事者ですか。",
        "purpose.description": "両当事者は何のために協力しますか。情報の利用範囲を決めるので、具体的に書いてください",
        "purpose.project_name": "プロジェクト名を入力してください",
        "purpose.limited_to_evaluation": "目的を共同プロジェクトの検討・評価に限定しますか。",
        "project.objective": "この協業で何を達成したいですか",
        "project.kpis": "成功をどのように測りますか（評価指標）。",
        "project.roles": "プロジェクトで各当事者は何をしますか。",
        "project.risk_split": "リスクと費用はどのように分担しますか",
        "project.decision_maker": "プロジェクトについて誰が決定しますか",
        "poc.verification": "技術検証（PoC）で何を検証しますか",
        "poc.report_deadline": "報告書の提出期限はいつですか",
        "poc.report_use": "委託者は報告書をどの範囲で利用できますか。",
        "jrd.theme": "共同研究のテーマを入力してください",
        "jrd.roles": "共同研究で各当事者は何を担当しますか。",
        "jrd.schedule": "共同研究のマイルストーンを入力してください。",
        "jrd.steering_committee": "運営委員会を設けますか。",
        "jrd.costs.rule": "研究費用はどのように負担しますか。",
        "jrd.costs.payer": "費用を負担するのはどちらの当事者ですか。",
        "customised_model": "提供者がユーザーのデータで追加学習させたカスタムモデルをユーザーのために作りますか。",
        "more.ai_service": "サービスの残りの細かな条件（保守の予告、不払いによる停止までの猶予）も設定しますか。",
        "more.joint_filing": "残りの細目（手続の期限前の連絡の日数、持分を放棄する前の通知の日数）も決めますか。",
        "more.work": "PoCの残りの細かな条件（特許出願の事前通知の期間）も設定しますか。",
        "results.deliverables": "どのような成果を見込んでいますか（報告書、ソフトウェア、データ、発明など）。",
        "guide": "成果を誰のものにするか、いくつかの質問でおすすめを示しましょうか。",
        "guide.core_technology": "中核となる技術を持ち込むのはどちらですか。",
        "guide.payer": "業務の費用を負担するのはどちらですか。",
        "guide.exploiter": "成果を事業化する（製品やサービスに使う）のはどちらですか。",
        "guide.separate_fields": "両当事者はそれぞれ別の分野で成果を使いますか。",
        "guide.publish": "成果を公表する必要がありますか（大学の研究、公的資金による研究など）。",
        "guide.accept": "このおすすめを採用しますか。",
        "results.ownership.rule": "成果の発明・特許・ノウハウは誰のものにしますか。",
        "results.ownership.owner": "成果を所有するのはどちらの当事者ですか。",
        "results.ownership.fields": "どの分野の成果をどちらの当事者が所有しますか。",
        "results.copyright_ownership.rule": "ソフトウェア、文書、データ、モデルの著作権は誰のものにしますか。",
        "results.copyright_ownership.owner": "著作権を所有するのはどちらの当事者ですか。",
        "option.kind": "一方の当事者に、成果についてのオプション（選択権）を与えますか。",
        "option.holder": "オプションを持つのはどちらの当事者ですか。",
        "non_compete": "テーマについて競合する研究開発をしないと約束しますか。",
        "more.results": "成果の残りの細かな条件（著作者人格権、出願の事前通知、改良の通知）も設定しますか。",
        "background_ip.items": "各当事者は何を持ち込みますか（特許、ノウハウなど）。",
        "licence": "成果を所有しない当事者に、成果を利用するライセンスを与えますか。",
        "licence.licensor": "ライセンスを許諾するのはどちらの当事者ですか。",
        "licence.licensee": "ライセンスを受けるのはどちらの当事者ですか。",
        "licence.subject": "ライセンスの対象は何ですか。",
        "licensed.patents": "ライセンスする特許を入力してください。",
        "licensed.know_how": "ライセンスするノウハウを入力してください",
        "licence.field": "ライセンスを受ける側はどの分野で利用できますか（すべての分野なら省略）",
        "licence.territory": "利用できる地域はどこですか（「全世界」または国名）。",
        "licence.exclusivity": "ライセンスは独占的ですか。",
        "diligence": "ライセンスを受ける側に、期限までに販売を始める義務を課しますか。",
        "more.scope": "ライセンスの残りの細かな条件（専用実施権の設定、在庫販売、輸出管理、特許の放棄、有効性の争い）も設定しますか。",
        "confidentiality.definition": "何を秘密情報としますか。",
        "confidentiality.survival_years": "契約終了後、何年間秘密を守りますか",
        "confidentiality.supersedes_nda": "この契約は、両当事者が以前に結んだ秘密保持契約に代わるものですか。",
        "personal_data.provided_by": "一方の当事者が他方に個人情報を渡しますか。",
        "more.confidentiality": "秘密保持の残りの細かな条件（開示できる相手、複製、返還、立入検査など）も設定しますか。",
        "currency": "金額はどの通貨で支払いますか。",
        "poc.fee": "技術検証の委託料はいくらですか",
        "jrd.costs.amount": "費用を負担する当事者はいくら支払いますか",
        "licence.royalty.kind": "ライセンスは有償ですか、無償ですか。",
        "licence.royalty.running_percent": "ランニング・ロイヤルティ（純売上高に対する割合、％）",
        "more.money": "支払いの残りの細かな条件（支払期限、遅延利息）も設定しますか。",
        "effective_date": "契約はいつから効力を生じますか",
        "term.months": "契約期間は何か月ですか",
        "term.renewal.automatic": "契約を自動更新しますか。",
        "next_step": "次の契約に進むかどうかを期限までに決める義務を定めますか。",
        "warranties": "成果や権利について、各当事者はどこまで保証しますか。",
        "termination.change_of_control": "相手方の支配権が変わったとき（買収など）、契約を解除できるようにしますか。",
        "liability.cap.kind": "損害賠償の額に上限を設けますか。",
        "more.term": "残りの細かな条件（署名日、損害賠償の定め、署名の方法）も設定しますか。",
        "disputes.governing_law": "契約の準拠法はどの国の法律ですか。",
        "disputes.forum": "紛争はどのように解決しますか。",
        "disputes.court": "専属的合意管轄裁判所はどこですか",
        "poc.acceptance_days": "委託者は、報告書を受け取ってから何日以内に検査しますか",
        "poc.notice_of_filing": "成果について特許出願をする前に、相手方へ通知するようにしますか。",
        "poc.feedback_free_use": "委託者からのフィードバックを、実施者が自由に使えるようにしますか。",
        "poc.subcontracting_allowed": "実施者が、通知するだけで（承諾なしに）業務の一部を再委託できるようにしますか。",
        "results.joint_rules.each_may_practise": "共有の成果を、各共有者が相手方の同意なしに自ら実施できるようにしますか。",
        "results.joint_rules.third_party_licensing": "共有の成果を第三者にライセンスするには、相手方の同意が必要ですか。",
        "results.joint_rules.cost_sharing": "共有の特許の費用は、どのように分担しますか。",
        "results.joint_rules.non_practice_compensation_percent": "不実施補償の率（実施した共有者の純売上高に対する％）",
        "option.exercise_months": "オプションを行使できる期間は何か月ですか",
        "filing.by": "成果の特許出願は、誰が判断して行いますか。",
        "filing.costs": "出願と権利の維持にかかる費用は、誰が負担しますか。",
        "improvements.owner": "成果の改良は誰のものにしますか。",
        "improvements.grant_back": "成果を改良した当事者は、その改良を相手方にライセンスしますか（グラントバック）。",
        "improvements.notice_days": "改良をしたとき、何日以内に相手方へ通知しますか",
        "publication.academic_freedom": "大学が成果を発表し、研究と教育に使う自由を認めますか。",
        "publication.notice_days": "成果を公表する何日前までに、相手方へ通知しますか",
        "publication.delay_days": "出願のために、相手方は公表を何日まで延期できますか",
        "background_ip.licence_for_project": "各当事者のバックグラウンドIPを、本プロジェクトのために無償で使えるようにしますか。",
        "background_ip.licence_for_exploitation": "成果の事業化に相手方のバックグラウンドIPが必要な場合、どうしますか。",
        "licence.sublicensing": "ライセンスを受ける側は、再実施許諾（サブライセンス）ができますか。",
        "licence.term.kind": "ライセンスの期間はどのように定めますか。",
        "confidentiality.announcement": "協業について公表できるようにしますか。",
        "termination.breach_cure_days": "契約違反を是正するための期間は何日ですか（この期間を過ぎると解除できます）",
        "keep": "この内容のままでよいですか。",
        "add_item": "{n}件目を追加しますか。",
    },
    help={
        "roles.coordinator": "幹事は事務を取りまとめ、運営委員会の議長を務め、資金配分機関との窓口となります。その他の当事者は構成員です。",
        "roles.discloser": "開示者は自社の情報を見せ、受領者はその情報を秘密に保ち、目的の範囲でだけ使います。",
        "roles.provider": "実施者は検証を行って報告書を作成します。もう一方の当事者が委託者です。",
        "roles.provider#ai_use": "提供者はモデルやサービスを運営します。もう一方の当事者が利用者です。",
        "roles.provider#data_provision": "提供者がデータを渡します。もう一方の当事者がそれを受け取って利用します。",
        "roles.licensor": "許諾者は特許やノウハウを持ち、ライセンスを受ける側にその利用を認めます。",
        "guide": "中核技術を持ち込むのは誰か、費用を負担するのは誰か、成果を事業化するのは誰か、成果を公表する必要が"
        "あるかを伺い、成果の帰属と相手方の利用の範囲をおすすめします。採用するか、別の定め方を選ぶかは自由です。",
        "guide.core_technology": "業務の土台となる既存の技術を持つ当事者です。双方が欠かせない技術を持ち込む場合は「両方の当事者」を選んでください。",
        "guide.payer": "業務の費用を支払う当事者です。各自が自分の費用を負担する場合はそれを選んでください。",
        "guide.exploiter": "成果を使って製品やサービスを作り、販売する当事者です。",
        "guide.separate_fields": "例えば、一方は材料を、他方はその材料を使った製品を販売する場合です。",
        "guide.publish": "大学は研究成果を発表する必要があります。公的資金による研究でも公表が求められることがあります。",
        "guide.accept": "「はい」を選ぶと、おすすめの帰属と利用の範囲を採用します。「いいえ」を選ぶと、ご自身で選べます。",
        "more.ai_service": "「いいえ」を選ぶと、バランスのとれた既定値のままにします。",
        "more.joint_filing": "「いいえ」を選ぶと、バランスのとれた既定値のままにします。",
        "more.work": "「いいえ」を選ぶと、バランスのとれた既定値のままにします。",
        "more.results": "「いいえ」を選ぶと、バランスのとれた既定値のままにします。",
        "more.scope": "「いいえ」を選ぶと、バランスのとれた既定値のままにします。",
        "more.confidentiality": "「いいえ」を選ぶと、バランスのとれた既定値のままにします。",
        "more.money": "「いいえ」を選ぶと、バランスのとれた既定値のままにします。",
        "more.term": "「いいえ」を選ぶと、バランスのとれた既定値のままにします。",
    },
    choices={
        "both": "両方の当事者", "each": "各自が自己の費用を負担する", "none": "なし",
        "same": "発明・特許と同じ定め方にする", "unstated": "まだ確認していない",
    },
    option="  {n}. {label}：{meaning}",
    option_plain="  {n}. {label}",
    favours="［{favours}］",
    favours_party="{favours}：{party}",
    example="  「{label}」の例：{example}",
    choose="番号または名前を入力してください",
    choose_many="番号または名前をカンマ（、）で区切って入力してください",
    yes="はい",
    no="いいえ",
    yes_words=("y", "yes", "true"),
    no_words=("n", "no", "false"),
    yes_no_hint="（はい／いいえ）",
    optional="（省略する場合はEnter）",
    date_hint="（例：2026-04-01）",
    period_hint="（日付（例：2026-04-01）または期間（例：12週間、3か月））",
    money="（{currency}建ての金額）",
    units={"days": ("日", "日間"), "weeks": ("週間", "週"), "months": ("か月", "ヶ月", "カ月", "ヵ月", "箇月")},
    list_item="  {n}",
    list_end="（1行に1つずつ入力し、何も入力せずにEnterを押すと終わります）",
    current="  ・{item}",
    invalid={
        "required": "回答が必要です。",
        "number": "数字で入力してください（例：30）。",
        "integer": "整数で入力してください（例：30）。",
        "date": "日付はYYYY-MM-DDの形で入力してください（例：2026-04-01）。",
        "period": "日付（例：2026-04-01）か、効力発生日からの期間（例：12週間、3か月）で入力してください。",
        "yes_no": "「はい」か「いいえ」で答えてください。",
        "choice": "選択肢の番号か名前で選んでください（{choices}）。",
        "choice_many": "選択肢の番号か名前をカンマで区切って入力してください。",
        "text": "文字で入力してください。",
        "party_id": "英小文字で始まり、英小文字・数字・-・_だけを使った32文字以内で入力してください（例：acme）。",
        "list": "文字列のリストで指定してください（例：[\"日本\", \"韓国\"]）。",
        "records": "項目のリストで指定してください。各項目はその項目名と値の組です。",
        "record_key": "{n}件目：「{key}」という項目はありません（項目：{allowed}）",
        "record_missing": "{n}件目：「{key}」がありません",
        "record_item": "{n}件目の{key}：{message}",
    },
    problem="{id}（{path}）：{message}",
    missing="{id}：回答がありません（{question}）。回答に追加してください",
    guide_recommends="おすすめ：\n  成果の帰属：{ownership}\n  利用の範囲：{scope}\n理由：{reason}",
    guide_scopes={
        "none": "ライセンスは不要です（所有者自身が成果を事業化します）",
        "option": "{licensee}が独占的ライセンスを受けるオプション（選択権）を持ちます",
        "non_exclusive": "{licensee}に、その事業分野での非独占的ライセンスを許諾します",
        "exclusive_then_non_exclusive": "{licensee}に、その事業分野で一定期間は独占的、その後は非独占的なライセンスを許諾します",
    },
    guide_reasons={
        "university_funded": "{owner}が研究費を負担し、成果が{owner}の技術に基づくか公表を要しないため、{owner}が成果を所有し、"
        "自由に事業化やライセンスができるようにします。{university}には、大学に必要な、成果を研究と教育に使う権利を残します。",
        "university_option": "各当事者が自らの研究者の発明を所有するため、{university}は発明を保持して発表でき、{licensee}はその"
        "事業分野での独占的ライセンスを受けるオプションを得ます。共同でした発明は相手方の同意なしにライセンスできない"
        "（特許法第73条）ので、製造を行わない{university}への不実施補償を取り決めてください。",
        "university_inventor": "各当事者が自らの研究者の発明を所有するため、{university}は発明を保持して発表できます。共同でした"
        "発明は相手方の同意なしにライセンスできない（特許法第73条）ので、同意と不実施補償について契約で定めてください。",
        "owner_exploits": "{owner}が中核技術を持ち込み、自ら成果を事業化するため、{owner}が成果を単独で所有します。共有にすると、"
        "どちらにも不要な同意の手続（特許法第73条）が増えるだけです。",
        "startup_exclusive": "{owner}は中核技術を持ち込み、それを他社にもライセンスできる必要がありますが、共有にすると相手方の同意"
        "なしにはライセンスできなくなります（特許法第73条）。費用を負担する{licensee}には、その事業分野で一定期間独占的な"
        "ライセンスを与え、公正取引委員会のスタートアップとの事業連携に関する指針が問題とする成果の取得や無期限の独占は避けます。",
        "startup_non_exclusive": "{owner}は中核技術を持ち込み、それを他社にもライセンスできる必要がありますが、共有にすると相手方の"
        "同意なしにはライセンスできなくなります（特許法第73条）。{licensee}にはその事業分野での非独占的ライセンスを与え、"
        "成果を使えるようにしつつ、{owner}の事業を守ります。",
        "owner_exclusive": "{owner}が中核技術を持ち込むため、{owner}が成果を所有し、自由にライセンスできるようにします。費用を負担し"
        "成果を事業化する{licensee}には、その事業分野で一定期間は独占的、その後は非独占的なライセンスを与えます。",
        "owner_non_exclusive": "{owner}が中核技術を持ち込むため、{owner}が成果を所有し、自由にライセンスできるようにします。成果を"
        "事業化する{licensee}には、その事業分野での非独占的ライセンスを与えます。",
        "exploiter_owns": "両当事者が中核技術を持ち込みますが、成果を事業化するのは{owner}だけなので、{owner}が所有し、共有の場合の"
        "同意の手続（特許法第73条）を避けます。{licensee}には、自らも生み出した成果を使い続けられるよう非独占的ライセンスを与えます。",
        "split_by_field": "両当事者が中核技術を持ち込み、それぞれ別の分野で成果を事業化するため、各自の分野の成果をそれぞれが所有"
        "します。共有にすると、相手方の同意なしにはどちらもライセンスできなくなる（特許法第73条）ため、それを避けます。",
        "joint_same_field": "両当事者が中核技術を持ち込み、同じ分野で成果を事業化するため、成果を共有とします。特許法第73条により"
        "各自は成果を実施できますが、相手方の同意なしにはライセンスできないので、あらかじめ同意するかどうかを契約で定めてください。",
    },
    wrote="{path}を書き出しました。",
    schema_hint="エディタで入力補完とチェックを使うには、同じフォルダにスキーマを置いてください：{command}",
    build_later="契約書を作成するときは次のコマンドを実行してください：{command}",
    findings="取引内容のチェックで次の点が見つかりました：",
    finding="  {severity}：{message}\n    対応：{fix}",
    no_findings="取引内容のチェックで指摘する点はありませんでした。",
    build="今すぐ契約書を作成しますか。",
    ignored="他の回答により不要となったため、次の回答は使っていません：{ids}",
)


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
    pdf_font_packages=("fonts-ipaexfont-mincho", "fonts-ipaexfont-gothic"),
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
            titles={
                "nda": "秘密保持契約書",
                "poc": "技術検証（PoC）契約書",
                "jrd": "共同研究開発契約書",
                "license": "ライセンス契約書",
                "consortium": "コンソーシアム契約書",
                "joint_filing": "共同出願契約書",
                "data_provision": "データ提供契約書",
                "ai_use": "AIサービス利用契約書",
            },
            names={
                "nda": "秘密保持契約",
                "poc": "技術検証契約",
                "jrd": "共同研究開発契約",
                "license": "ライセンス契約",
                "consortium": "コンソーシアム契約",
                "joint_filing": "共同出願契約",
                "data_provision": "データ提供契約",
                "ai_use": "AIサービス利用契約",
            },
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
        bilingual=BilingualWords(
            language_names={"ja": "日本語", "en": "英語"},
            column="{language}",
            prevailing_column="{language}（優先）",
            clause_title="言語",
            clause_text="本契約は、{languages}により作成する。両者の間に相違がある場合には、{prevailing}版が優先する。",
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
                # --- consortium ---
                consortium="{count}者が一つのプロジェクトを作業項目{packages}件に分けて共同で行います。{coordinator}が幹事を務めます。",
                consortium_words={
                    "work_packages": "作業項目", "work_package": "{name}（担当：{lead}）", "budget": "予算",
                    "access_rights": "事業化のためのアクセス権", "background": "バックグラウンド",
                    "coordinator": "幹事", "funder": "公的資金", "funding": "{funder}（{programme}）",
                },
                consortium_access_terms={
                    "fair_reasonable": "公正かつ合理的な条件で", "royalty_free": "無償で",
                    "separate_agreement": "別途の契約による場合に限り",
                },
                # --- joint_filing ---
                joint_filing="両者が共同でした発明「{invention}」を共同で出願し、各自の実施、第三者への許諾、持分の放棄の扱いを定めます。",
                joint_filing_schedule={
                    "invention": "本発明", "title": "発明の名称", "summary": "発明の概要",
                    "inventor": "発明者（{party}）", "applications": "本出願", "application": "出願{n}",
                    "application_value": "{office}：{number}{date}", "route_japan": "日本国特許庁",
                    "route_pct": "国際出願（PCT）", "not_filed": "出願予定",
                    "filed_on": "（{date}出願）", "to_file_on": "（{date}までに出願予定）", "shares": "持分",
                    "countries": "外国出願を予定する国", "share_separator": "、",
                },
                # --- data_provision ---
                data_provision="{provider}は{recipient}にデータを提供し、{recipient}はそれを{scope}利用できます。",
                data_provision_scopes={"purpose_only": "定めた目的のためにだけ",
                                       "internal": "社内のあらゆる目的のために",
                                       "product_development": "目的のため、及び自社の製品やサービスの開発のために"},
                data_provision_per_delivery="1回の提供につき{amount}",
                # --- ai_use ---
                ai_use="{provider}が{user}にAIサービス「{service}」の利用を認めます。{user}は料金を払い、出力の使い方に責任を持ちます。",
                ai_use_monthly="月額{amount}",
                ai_use_per_unit="{unit}あたり{amount}",
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
                header=("条", "条項", "有利な当事者"),
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
        interview=_INTERVIEW,
        messages=MessageWords(
            or_list=ListPattern(two="{0}、{1}", start="{0}、{1}", middle="{0}、{1}", end="{0}、{1}"),
            list_separator="、",
            counts=("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"),
            agreement_types={"nda": "秘密保持契約", "poc": "技術検証（PoC）契約", "jrd": "共同研究開発契約",
                             "license": "ライセンス契約", "consortium": "コンソーシアム契約", "data_provision": "データ提供契約",
                             "ai_use": "AIサービス利用契約", "joint_filing": "共同出願契約"},
            templates=_MESSAGES,
        ),
    ),
)
