<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>AnimationExport</name>
    <message>
        <location filename="../../gui/animation_export.py" line="+123"/>
        <source>Rendering the animation…</source>
        <translation>애니메이션을 그리는 중…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <location line="+8"/>
        <location line="+12"/>
        <source>Export animation</source>
        <translation>애니메이션 내보내기</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Animation cancelled: nothing was written</source>
        <translation>애니메이션 취소됨: 아무것도 저장하지 않았습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No video encoder is installed (pip install &apos;gatelab[video]&apos; brings imageio-ffmpeg): {0} PNG frames were written into {1} instead.</source>
        <translation>영상 인코더가 설치되어 있지 않습니다 (pip install &apos;gatelab[video]&apos;로 imageio-ffmpeg 설치): 대신 PNG 프레임 {0}개를 {1}에 저장했습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done: {0}</source>
        <translation>완료: {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>MP4 video (*.mp4);;GIF animation (*.gif)</source>
        <translation>MP4 영상 (*.mp4);;GIF 애니메이션 (*.gif)</translation>
    </message>
</context>
<context>
    <name>AnimationOptions</name>
    <message>
        <location line="-108"/>
        <source>Export animation</source>
        <translation>애니메이션 내보내기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gradient through time</source>
        <translation>시간에 따른 기울기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole plot area</source>
        <translation>그래프 영역 전체</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gradient-through-time curves alone (large, for a slide), or every plot as the window lays them out, stepped through the run</source>
        <translation>시간에 따른 기울기 곡선만(슬라이드용으로 크게), 또는 창에 놓인 그대로의 모든 그래프를 실행 기록을 따라 한 단계씩</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Frame size in pixels; text and lines grow with it</source>
        <translation>프레임 크기(픽셀). 글자와 선도 함께 커집니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Frames per second</source>
        <translation>초당 프레임 수</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of the video: the recorded steps are spread over it</source>
        <translation>영상 길이: 기록된 단계가 이 시간에 고르게 펼쳐집니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show:</source>
        <translation>보일 것:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>크기:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames per second:</source>
        <translation>초당 프레임 수:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length:</source>
        <translation>길이:</translation>
    </message>
</context>
<context>
    <name>CellChecklist</name>
    <message>
        <location filename="../../gui/cell_list.py" line="+37"/>
        <source>Tick the cells to train side by side</source>
        <translation>나란히 학습할 셀을 선택하세요</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0}, from {1}</source>
        <translation>{0}, 출처: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot be used: {0}
{1}</source>
        <translation>사용할 수 없음: {0}
{1}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{0} — broken: {1}</source>
        <translation>{0} — 오류: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}  ({1} parameters)</source>
        <translation>{0}  (파라미터 {1}개)</translation>
    </message>
</context>
<context>
    <name>ComparisonTable</name>
    <message>
        <location filename="../../gui/table.py" line="+71"/>
        <source>Cell</source>
        <translation>셀</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps/s</source>
        <translation>단계/초</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Metric</source>
        <translation>지표</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training time</source>
        <translation>학습 시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solved</source>
        <translation>해결</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seconds this cell spent in its own training steps</source>
        <translation>이 셀이 자신의 학습 단계에 쓴 시간(초)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the cell solved the task: the first step at which the mean loss of the last 25 recorded steps is below half the chance baseline (seconds since Start, and the step)</source>
        <translation>셀이 과제를 해결한 때: 최근 기록된 25개 단계의 평균 손실이 처음으로 우연 수준의 절반 아래로 내려간 단계 (시작 후 경과 초와 그 단계)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>starting…</source>
        <translation>시작 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>diverged at step {0}: {1}</source>
        <translation>{0}단계에서 발산: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>error: {0}</source>
        <translation>오류: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{0:.1f} s</source>
        <translation>{0:.1f}초</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{0:.1f} s (step {1})</source>
        <translation>{0:.1f}초 ({1}단계)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step {0}</source>
        <translation>{0}단계</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <location filename="../../gui/controls.py" line="+63"/>
        <location filename="../../gui/spec_fields.py" line="+29"/>
        <source>Task</source>
        <translation>과제</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The long-dependency problem the cells must solve</source>
        <translation>셀이 풀어야 할 장기 의존성 문제</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>Beyond this window&apos;s range, shown as: {0}</source>
        <translation>이 창에서 표시할 수 있는 범위를 넘어 이렇게 표시합니다: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/spec_fields.py" line="+45"/>
        <source>Sequence length T: how far back the answer lies</source>
        <translation>시퀀스 길이 T: 답이 얼마나 먼 과거에 있는지</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Length T</source>
        <translation>길이 T</translation>
    </message>
    <message>
        <location filename="../../gui/controls.py" line="-180"/>
        <source>Cells</source>
        <translation>셀</translation>
    </message>
    <message>
        <location filename="../../gui/spec_fields.py" line="-43"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Hidden units per layer</source>
        <translation>층마다 은닉 유닛 수</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stacked recurrent layers</source>
        <translation>쌓아 올린 순환 층 수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bidirectional</source>
        <translation>양방향</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also run each layer backwards in time</source>
        <translation>각 층을 시간 역방향으로도 실행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout</source>
        <translation>층 간 Dropout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout between stacked layers, while training (needs 2 or more layers; 0: off)</source>
        <translation>학습 중 쌓아 올린 레이어 사이에 적용하는 Dropout (레이어가 2개 이상일 때만, 0이면 끔)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sequences per training step</source>
        <translation>학습 단계마다 쓰는 시퀀스 수</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training steps; 0 trains until you stop</source>
        <translation>학습 단계 수. 0이면 멈출 때까지 학습</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>until stopped</source>
        <translation>멈출 때까지</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the cells train: cuda is a GPU (shown when PyTorch finds one)</source>
        <translation>셀을 학습하는 장치: cuda는 GPU (PyTorch가 GPU를 찾았을 때 표시)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>record gates</source>
        <translation>게이트 기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record gate activations for the gates plot (training is a little faster without)</source>
        <translation>게이트 그래프에 쓸 게이트 활성값을 기록 (끄면 학습이 조금 빨라짐)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>default</source>
        <translation>기본값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orthogonal</source>
        <translation>직교 (orthogonal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>identity</source>
        <translation>단위 행렬 (identity)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>classification</source>
        <translation>분류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>regression</source>
        <translation>회귀</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Hidden size</source>
        <translation>은닉 크기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layers</source>
        <translation>층 수</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps</source>
        <translation>학습 단계</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The optimizer every cell uses</source>
        <translation>모든 셀이 쓰는 옵티마이저</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning rate (log scale); applies at once</source>
        <translation>학습률(로그 눈금). 바로 적용됩니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>clip at</source>
        <translation>상한</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Global gradient-norm clipping; applies at once</source>
        <translation>전체 기울기 노름 클리핑. 바로 적용됩니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Initialisation of the recurrent weights</source>
        <translation>순환 가중치의 초기화 방법</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Summed forget-gate bias of cells that have one (off: torch&apos;s default initialisation)</source>
        <translation>망각 게이트가 있는 셀의 망각 게이트 편향 합(끄면 torch 기본 초기화)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Same seed, same batches, same numbers</source>
        <translation>같은 시드, 같은 배치, 같은 결과</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>float32 flushes values below ~1e-38 to 0; float64 shows how far the gradient really falls (slower)</source>
        <translation>float32는 ~1e-38보다 작은 값을 0으로 만듭니다. float64는 기울기가 실제로 얼마나 작아지는지 보여 줍니다(더 느림)</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clipping</source>
        <translation>클리핑</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Init</source>
        <translation>가중치 초기화</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recurrent gain</source>
        <translation>순환 가중치 배율</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multiplies the recurrent weights after initialisation (1: unchanged; above 1 gradients tend to explode)</source>
        <translation>초기화 뒤 순환 가중치에 곱하는 값 (1이면 그대로, 1보다 크면 기울기가 폭발하기 쉬움)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forget gate</source>
        <translation>망각 게이트</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../../gui/field_editors.py" line="+124"/>
        <location line="+4"/>
        <source>Choose the file</source>
        <translation>파일 고르기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 파일 (*.csv);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>EquationsView</name>
    <message>
        <location filename="../../gui/panels/equations.py" line="+40"/>
        <source>The update equations of the chosen cell, from its source</source>
        <translation>선택한 셀의 갱신 식 (소스 코드에서 읽음)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Equations</source>
        <translation>수식</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Show or hide the update equations under the plot</source>
        <translation>그래프 아래의 갱신 식을 보이거나 숨깁니다</translation>
    </message>
</context>
<context>
    <name>FileOpenEvents</name>
    <message>
        <location filename="../../gui/file_open_events.py" line="+35"/>
        <source>Could not open {0}</source>
        <translation>{0}을(를) 열 수 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>파일</translation>
    </message>
</context>
<context>
    <name>FirstLaunchHint</name>
    <message>
        <location filename="../../gui/first_hint.py" line="+35"/>
        <source>&lt;b&gt;Space&lt;/b&gt; start and pause · &lt;b&gt;1&lt;/b&gt;–&lt;b&gt;9&lt;/b&gt; run a preset · &lt;b&gt;F11&lt;/b&gt; presentation mode · &lt;b&gt;F1&lt;/b&gt; help on the plots</source>
        <translation>&lt;b&gt;Space&lt;/b&gt; 시작과 일시 정지 · &lt;b&gt;1&lt;/b&gt;–&lt;b&gt;9&lt;/b&gt; 프리셋 실행 · &lt;b&gt;F11&lt;/b&gt; 발표 모드 · &lt;b&gt;F1&lt;/b&gt; 그래프 도움말</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Got it</source>
        <translation>알겠습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide this hint; it is not shown again</source>
        <translation>이 안내를 닫습니다. 다시 나타나지 않습니다</translation>
    </message>
</context>
<context>
    <name>GateHistoryPanel</name>
    <message>
        <location filename="../../gui/panels/gate_history.py" line="+38"/>
        <source>Whose gates to show over training</source>
        <translation>학습 동안 어느 셀의 게이트를 볼지</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gate history</source>
        <translation>게이트 이력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The mean activation of each gate of the chosen cell along the sequence, one row per recorded training step (dark: closed, bright: open)</source>
        <translation>고른 셀의 각 게이트가 시퀀스를 따라 보이는 평균 활성값. 기록된 학습 단계마다 한 행입니다(어두움: 닫힘, 밝음: 열림)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>time step t</source>
        <translation>시점 t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no gates recorded for this cell</source>
        <translation>이 셀에는 기록된 게이트가 없습니다</translation>
    </message>
</context>
<context>
    <name>GatesPanel</name>
    <message>
        <location filename="../../gui/panels/gates.py" line="+52"/>
        <source>Whose gates to show</source>
        <translation>게이트를 볼 셀</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Gates</source>
        <translation>게이트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The mean activation of each gate of the chosen cell along the sequence, at the newest recorded step</source>
        <translation>선택한 셀의 각 게이트 평균 활성값을 시퀀스를 따라, 가장 최근에 기록된 학습 단계에서 보여 줍니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>time step t</source>
        <translation>시점 t</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mean activation</source>
        <translation>평균 활성값</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no gates recorded
for this cell</source>
        <translation>이 셀에는 기록된
게이트가 없습니다</translation>
    </message>
</context>
<context>
    <name>GradientHistoryPanel</name>
    <message>
        <location filename="../../gui/panels/gradient_history.py" line="+34"/>
        <source>Gradient history: log₁₀ ‖∂ℓ/∂hₜ‖ per training step (dark: vanished)</source>
        <translation>기울기 이력: 학습 단계별 log₁₀ ‖∂ℓ/∂hₜ‖ (어두움: 소실)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>time step t</source>
        <translation>시점 t</translation>
    </message>
</context>
<context>
    <name>GradientTimePanel</name>
    <message>
        <location filename="../../gui/panels/gradient_time.py" line="+47"/>
        <source>hₜ: hidden state</source>
        <translation>hₜ: 은닉 상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cₜ: second state (LSTM)</source>
        <translation>cₜ: 두 번째 상태 (LSTM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>xₜ: input</source>
        <translation>xₜ: 입력</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>exact 0 (below float precision)</source>
        <translation>정확히 0 (부동소수점 정밀도 아래)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Gradient through time ‖∂ℓ/∂{0}ₜ‖</source>
        <translation>시간에 따른 기울기 ‖∂ℓ/∂{0}ₜ‖</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>time step t</source>
        <translation>시점 t</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>∂h_T/∂hₜ: final state&apos;s sensitivity</source>
        <translation>∂h_T/∂hₜ: 마지막 상태의 민감도</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which gradient to show: with respect to the hidden state, the second state (cells that have one) or the input; or the final state&apos;s sensitivity ‖∂h_T/∂hₜ‖, which needs no loss</source>
        <translation>어떤 기울기를 볼지: 은닉 상태, 두 번째 상태(있는 셀만), 입력에 대한 기울기, 또는 손실이 필요 없는 마지막 상태의 민감도 ‖∂h_T/∂hₜ‖</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>not recorded in this run</source>
        <translation>이 실행에는 기록되지 않았습니다</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Sensitivity of the final state ‖∂h_T/∂hₜ‖</source>
        <translation>마지막 상태의 민감도 ‖∂h_T/∂hₜ‖</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>‖∂ℓ/∂{0}&lt;sub&gt;t&lt;/sub&gt;‖</source>
        <translation>‖∂ℓ/∂{0}&lt;sub&gt;t&lt;/sub&gt;‖</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Faint: step 1, strong: newest. The RNN&apos;s gradient falls by orders of magnitude towards t = 1; LSTM and GRU learn to keep theirs up.</source>
        <translation>흐린 선: 1단계, 진한 선: 최신. RNN의 기울기는 t = 1 쪽으로 갈수록 몇 자릿수씩 작아집니다(기울기 소실). LSTM과 GRU는 기울기를 유지하도록 학습합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Faint: step 1, strong: newest. The LSTM&apos;s cell state carries the gradient back almost unchanged while its forget gate stays near 1.</source>
        <translation>흐린 선: 1단계, 진한 선: 최신. 망각 게이트가 1 가까이에 머무는 동안 LSTM의 셀 상태는 기울기를 거의 그대로 과거로 전달합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Faint: step 1, strong: newest. How much each input xₜ still moves the loss: early inputs are learned only if this stays above 0.</source>
        <translation>흐린 선: 1단계, 진한 선: 최신. 각 입력 xₜ가 손실을 아직 얼마나 움직이는지: 이 값이 0보다 커야 앞쪽 입력을 학습할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Faint: step 1, strong: newest. How much the final state still moves when hₜ moves: the cell&apos;s memory, whatever the loss and wherever it reads.</source>
        <translation>흐린 선: 1단계, 진한 선: 최신. hₜ가 움직일 때 마지막 상태가 아직 얼마나 움직이는지, 곧 손실이나 읽는 위치와 상관없는 셀의 기억입니다.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../gui/presets.py" line="+41"/>
        <source>en</source>
        <translation>ko</translation>
    </message>
    <message>
        <location filename="../../gui/view_options.py" line="+32"/>
        <source>English</source>
        <translation>English (영어)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>한국어 (Korean)</source>
        <translation>한국어</translation>
    </message>
</context>
<context>
    <name>LossPanel</name>
    <message>
        <location filename="../../gui/panels/loss.py" line="+83"/>
        <source>metric</source>
        <translation>지표</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss and {0} (dashed: chance)</source>
        <translation>손실과 {0} (점선: 우연 수준)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seconds since Start</source>
        <translation>시작 후 경과 시간(초)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>training step</source>
        <translation>학습 단계</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+2"/>
        <source>chance {0:.3g}</source>
        <translation>우연 수준 {0:.3g}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="+53"/>
        <source>GateLab</source>
        <translation>GateLab</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="+20"/>
        <location filename="../../gui/window_actions.py" line="+152"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="+95"/>
        <location filename="../../gui/window_actions.py" line="-112"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="+1"/>
        <source>Start, pause or resume training</source>
        <translation>학습 시작, 일시 정지 또는 재개</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train exactly one more step, then pause; while the timeline shows an earlier step: the next recorded step</source>
        <translation>정확히 한 단계 더 학습한 뒤 일시 정지. 타임라인이 이전 단계를 보여 줄 때는 기록된 다음 단계로</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the workers and clear the plots; the next Start uses the current settings</source>
        <translation>워커를 멈추고 그래프를 지웁니다. 다음 시작부터 현재 설정을 씁니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open run…</source>
        <translation>실행 기록 열기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a saved comparison with every plot</source>
        <translation>저장한 비교를 모든 그래프와 함께 엽니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save run…</source>
        <translation>실행 기록 저장…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this comparison (JSON, CSV, NPZ)</source>
        <translation>이 비교를 저장합니다 (JSON, CSV, NPZ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open .gatelab file…</source>
        <translation>.gatelab 파일 열기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a run saved as one .gatelab file (a lecturer&apos;s demo file)</source>
        <translation>하나의 .gatelab 파일로 저장한 실행 기록을 엽니다(강의용 데모 파일)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save run as .gatelab…</source>
        <translation>.gatelab으로 실행 기록 저장…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this comparison as one .gatelab file, to hand around or bundle with a preset</source>
        <translation>이 비교를 .gatelab 파일 하나로 저장합니다. 나눠 주거나 프리셋에 함께 넣을 수 있습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export plots as PNG…</source>
        <translation>그래프 PNG 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write every plot as a PNG at a chosen width</source>
        <translation>모든 그래프를 원하는 너비의 PNG로 저장합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export data as CSV/NPZ…</source>
        <translation>데이터 CSV/NPZ 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the metrics (CSV) and gradients (NPZ) in the CLI&apos;s formats</source>
        <translation>지표(CSV)와 기울기(NPZ)를 CLI와 같은 형식으로 저장합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop training and close GateLab</source>
        <translation>학습을 멈추고 GateLab을 닫습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset settings…</source>
        <translation>설정 초기화…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the remembered language, scale, theme, layout, last preset and folder (asks first)</source>
        <translation>기억해 둔 언어, 배율, 테마, 창 배치, 마지막 프리셋과 폴더를 지웁니다 (먼저 묻습니다)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time axis: seconds</source>
        <translation>시간 축: 초</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw loss and metric against seconds since Start instead of training steps: fair to cells of different speed</source>
        <translation>손실과 지표를 학습 단계 대신 시작 후 경과 초에 대해 그립니다. 속도가 다른 셀을 공정하게 비교할 수 있습니다</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Presets</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Help on the plots</source>
        <translation>그래프 도움말</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What every plot and the table show, how to read them and what to look for</source>
        <translation>모든 그래프와 표가 무엇을 보여 주는지, 어떻게 읽는지, 무엇을 보면 되는지</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What this view shows, how to read it and what to look for</source>
        <translation>이 화면이 무엇을 보여 주는지, 어떻게 읽는지, 무엇을 보면 되는지</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the keys</source>
        <translation>단축키 안내 보기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the hint with the keys of the first launch again</source>
        <translation>처음 실행할 때 나온 단축키 안내를 다시 보여 줍니다</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Load and start: {0}</source>
        <translation>불러와서 바로 시작: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Show or hide {0} ({1})</source>
        <translation>{0} 보이기/숨기기 ({1})</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="+12"/>
        <source>This view stopped drawing: {0}</source>
        <translation>이 그래프가 그리기를 멈췄습니다: {0}</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Ready: press Space to start</source>
        <translation>준비: Space 키를 누르면 시작</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starting workers…</source>
        <translation>워커 시작 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved run</source>
        <translation>저장된 실행 기록</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} stopped: {1}</source>
        <translation>{0} 중지됨: {1}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>GateLab — {0}</source>
        <translation>GateLab — {0}</translation>
    </message>
    <message>
        <location filename="../../gui/presentation.py" line="+37"/>
        <source>Presentation mode</source>
        <translation>발표 모드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full screen with the plots only, for a projector; again to leave</source>
        <translation>프로젝터용으로 그래프만 전체 화면에 표시합니다. 한 번 더 누르면 돌아갑니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave presentation mode</source>
        <translation>발표 모드 끝내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the window with controls and table</source>
        <translation>설정과 표가 있는 창으로 돌아갑니다</translation>
    </message>
    <message>
        <location filename="../../gui/view_options.py" line="+7"/>
        <source>Dark theme</source>
        <translation>어두운 테마</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light text and lines on a dark ground, for a dim lecture hall; again for the light theme</source>
        <translation>어두운 바탕에 밝은 글자와 선: 어두운 강의실용입니다. 다시 누르면 밝은 테마로 돌아갑니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show the interface in {0} from the next start</source>
        <translation>다음 실행부터 화면을 {0}(으)로 표시합니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>More timeline views</source>
        <translation>실행 기록 그래프 더 보기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A third row of plots: the gate history of one cell and the size of each state along the sequence, both following the timeline; again to hide it</source>
        <translation>세 번째 줄의 그래프: 한 셀의 게이트 이력과 시퀀스를 따라 각 상태의 크기. 둘 다 타임라인을 따라갑니다. 다시 누르면 숨깁니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Language: {0}. It applies at the next start of GateLab.</source>
        <translation>언어: {0}. GateLab을 다음에 실행할 때 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/timeline_actions.py" line="+29"/>
        <source>Step back</source>
        <translation>한 단계 뒤로</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the previous recorded step in every plot</source>
        <translation>모든 그래프에 기록된 이전 단계를 표시</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First step</source>
        <translation>첫 단계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the first recorded step in every plot</source>
        <translation>모든 그래프에 기록된 첫 단계를 표시</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest step</source>
        <translation>최신 단계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the last recorded step; a live run is followed again</source>
        <translation>기록된 마지막 단계를 표시. 진행 중인 학습은 다시 최신 단계를 따라감</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay</source>
        <translation>다시 재생</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play the recording back from the step shown, or stop playing (Space does it too once a run has finished or was opened)</source>
        <translation>표시된 단계부터 기록을 재생하거나 재생을 멈춤 (학습이 끝났거나 저장된 실행을 열었을 때는 Space로도 가능)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Slower replay</source>
        <translation>느리게 재생</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replay at the next lower speed (0.5×, 1×, 4×, 16×)</source>
        <translation>한 단계 낮은 속도로 재생 (0.5×, 1×, 4×, 16×)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Faster replay</source>
        <translation>빠르게 재생</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replay at the next higher speed (0.5×, 1×, 4×, 16×)</source>
        <translation>한 단계 높은 속도로 재생 (0.5×, 1×, 4×, 16×)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export animation…</source>
        <translation>애니메이션 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the gradient through time over training as an MP4 or GIF for slides (PNG frames without an encoder)</source>
        <translation>학습 동안의 시간에 따른 기울기를 슬라이드용 MP4 또는 GIF로 저장 (인코더가 없으면 PNG 프레임)</translation>
    </message>
    <message>
        <location filename="../../gui/preset_replay.py" line="+37"/>
        <source>Cannot replay {0}: {1}</source>
        <translation>{0}을(를) 다시 재생할 수 없습니다: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} (recording)</source>
        <translation>{0} (녹화)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Replay: {0}</source>
        <translation>다시 재생: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play the recorded run of this preset instead of training it: it starts at once and takes the same turn every time</source>
        <translation>이 프리셋을 학습하는 대신 녹화된 실행을 재생합니다. 바로 시작하고 매번 똑같이 흘러갑니다</translation>
    </message>
</context>
<context>
    <name>NotificationBar</name>
    <message>
        <location filename="../../gui/notification_bar.py" line="+51"/>
        <source>View traceback</source>
        <translation>트레이스백 보기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the full details of this notification, e.g. the Python traceback</source>
        <translation>이 알림의 자세한 내용(예: Python 트레이스백)을 보여 줍니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hide this notification; an earlier one shows next</source>
        <translation>이 알림을 숨깁니다. 이전 알림이 이어서 보입니다</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{0} earlier</source>
        <translation>이전 알림 {0}개</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>GateLab</source>
        <translation>GateLab</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <location filename="../../gui/notification_feeds.py" line="+58"/>
        <source>Unexpected error: {0}</source>
        <translation>예기치 않은 오류: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GateLab</source>
        <translation>GateLab</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Plugin problems: {0}</source>
        <translation>플러그인 문제: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plugins</source>
        <translation>플러그인</translation>
    </message>
</context>
<context>
    <name>PlotHelp</name>
    <message>
        <location filename="../../gui/panels/help.py" line="+47"/>
        <source>What it shows.</source>
        <translation>무엇을 보여 주나.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How to read it.</source>
        <translation>읽는 법.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to look for.</source>
        <translation>무엇을 볼까.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gradient through time</source>
        <translation>시간에 따른 기울기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For every cell, how large the gradient of the loss is with respect to the state at each time step, ‖∂ℓ/∂h_t‖: how much of the error signal backpropagation through time (BPTT) carries back to step t. The selector switches to the second state c_t (LSTM), to the input x_t, or to the final state&apos;s sensitivity ‖∂h_T/∂h_t‖: how much the last state h_T still changes when the state at step t changes (the Frobenius norm of the Jacobian, root mean square over examples; exact for a hidden size up to 16, else estimated from 4 random probe vectors per example, within about 12 per cent at a batch of 32: a small fraction of one step of the log scale).</source>
        <translation>셀마다, 각 시점의 상태에 대한 손실의 기울기 노름 ‖∂ℓ/∂h_t‖, 곧 시간 역전파(backpropagation through time, BPTT)가 오차 신호를 시점 t까지 얼마나 전달하는지를 보여 줍니다. 위의 선택 상자로 셀 상태 c_t(LSTM), 입력 x_t, 또는 마지막 상태의 민감도 ‖∂h_T/∂h_t‖로 바꿀 수 있습니다. 민감도는 시점 t의 상태가 바뀔 때 마지막 상태 h_T가 아직 얼마나 바뀌는지입니다(야코비 행렬의 프로베니우스 노름, 예제들에 대한 제곱평균제곱근. 은닉 크기 16까지는 정확히, 그보다 크면 예제마다 무작위 탐침 벡터 4개로 추정하며 배치 32에서 약 12% 안쪽: 로그 눈금 한 칸의 작은 일부).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Time step t runs along the bottom, from the first input (t = 1) to the last (t = T), where the loss is. The y axis is logarithmic: each labelled step is a factor of 10. The faint curve is training step 1, the strong one the newest step. A dashed line at the bottom marks exact zeros (below float precision).</source>
        <translation>가로축은 시점 t로, 첫 입력(t = 1)부터 손실이 계산되는 마지막 시점(t = T)까지입니다. 세로축은 로그 눈금이라 눈금 하나가 10배입니다. 흐린 선은 학습 1단계, 진한 선은 최신 단계입니다. 아래쪽 점선은 정확히 0인 값(부동소수점 정밀도 아래)을 표시합니다.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Gradient history</source>
        <translation>기울기 이력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same gradient norm ‖∂ℓ/∂h_t‖ over the whole training: one heatmap per cell, one row per recorded training step, one column per time step t.</source>
        <translation>같은 기울기 노름 ‖∂ℓ/∂h_t‖를 학습 전체에 걸쳐 보여 줍니다. 셀마다 히트맵 하나, 기록된 학습 단계마다 한 행, 시점 t마다 한 열입니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The colour is log₁₀ of the norm on one scale for all cells (the bar on the right): bright is large, dark is small. Time step t runs from left to right; the vertical axis counts training steps.</source>
        <translation>색은 노름의 log₁₀이며 모든 셀이 오른쪽 막대의 같은 눈금을 씁니다. 밝을수록 크고 어두울수록 작습니다. 시점 t는 왼쪽에서 오른쪽으로, 세로축은 학습 단계입니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A dark left side of the RNN&apos;s map that stays dark: its gradient never reaches the early time steps. A gated cell&apos;s map brightens on the left as it learns to carry the gradient back. A sudden change from one row to the next marks a jump in training, such as a divergence.</source>
        <translation>RNN 히트맵의 왼쪽이 계속 어둡다면 기울기가 앞쪽 시점까지 전혀 닿지 않는다는 뜻입니다. 게이트가 있는 셀은 기울기를 과거로 전달하는 법을 배우면서 왼쪽이 밝아집니다. 한 행에서 다음 행으로 갑자기 바뀌면 학습이 급변한 것입니다(예: 발산).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loss and metric</source>
        <translation>손실과 지표</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The training loss of every cell (top) and the task&apos;s metric, mostly accuracy (bottom), on the same batches. The dashed lines are the chance level: what an answer that remembers nothing scores.</source>
        <translation>같은 배치에서 잰 각 셀의 학습 손실(위)과 과제의 지표, 대개 정확도(아래)입니다. 점선은 우연 수준(chance level), 곧 아무것도 기억하지 않는 답이 얻는 값입니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The x axis counts training steps, or seconds since Start (View menu, Time axis, key T): seconds compare cells that train at different speeds fairly. Lower loss is better, higher accuracy is better.</source>
        <translation>가로축은 학습 단계, 또는 시작 후 경과 초입니다(보기 메뉴의 시간 축, 키 T). 초로 보면 학습 속도가 다른 셀을 공정하게 비교할 수 있습니다. 손실은 낮을수록, 정확도는 높을수록 좋습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A cell that stays on the dashed line has learned nothing of the long-term dependency, like the RNN at T = 100. A cell far below it remembers: the comparison table counts a cell as solved once its mean loss over 25 recorded steps is below half the chance level. Watch when each cell leaves the line, not only where it ends.</source>
        <translation>점선에 머무는 셀은 장기 의존성을 전혀 배우지 못한 것입니다(예: T = 100의 RNN). 점선보다 훨씬 아래로 내려간 셀은 기억합니다. 비교 표는 기록된 25개 단계의 평균 손실이 우연 수준의 절반 아래로 내려간 셀을 해결로 셉니다. 어디서 끝나는지뿐 아니라 각 셀이 언제 점선을 벗어나는지 보세요.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Training time is the time the cell&apos;s own steps took. A cell has solved the task at the first step at which its mean loss over the last 25 recorded steps is below half the chance level; the table gives the seconds since Start and that step. Hover over a status to read why a cell failed.</source>
        <translation>학습 시간은 그 셀의 학습 단계들이 걸린 시간입니다. 최근 기록된 25개 단계의 평균 손실이 처음으로 우연 수준의 절반 아래로 내려간 단계에서 셀이 과제를 해결한 것으로 보며, 표에는 시작 후 경과 초와 그 단계가 나옵니다. 상태 위에 마우스를 올리면 셀이 실패한 이유를 볼 수 있습니다.</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Gates</source>
        <translation>게이트</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>The vanishing gradient: the RNN&apos;s curve falls by orders of magnitude towards t = 1, so its early inputs hardly change its weights and it cannot learn the long-term dependency. The LSTM&apos;s and GRU&apos;s curves stay much flatter and rise as they learn. A curve that climbs towards t = 1 instead is an exploding gradient (presets 7 and 8). ‖∂h_T/∂h_t‖ does not involve the loss: it is the memory of the dynamics alone. ‖∂ℓ/∂h_t‖ also depends on where the task reads the outputs and on how well the cell is trained (a solved task sends back little error), so a small ‖∂ℓ/∂h_t‖ may mean a well-trained cell, while a small ‖∂h_T/∂h_t‖ always means that the final state has forgotten step t.</source>
        <translation>기울기 소실(vanishing gradient): RNN의 곡선은 t = 1 쪽으로 갈수록 몇 자릿수씩 떨어집니다. 그래서 앞쪽 입력은 가중치를 거의 바꾸지 못하고, RNN은 장기 의존성(long-term dependency)을 학습하지 못합니다. LSTM과 GRU의 곡선은 훨씬 평평하고, 학습하면서 올라갑니다. 반대로 t = 1 쪽으로 갈수록 치솟는 곡선은 기울기 폭발(exploding gradient)입니다(프리셋 7과 8). ‖∂h_T/∂h_t‖에는 손실이 들어가지 않습니다. 동역학 자체의 기억입니다. ‖∂ℓ/∂h_t‖는 과제가 출력을 어디서 읽는지, 셀이 얼마나 잘 학습되었는지에도 달려 있어서(다 푼 과제는 오차를 거의 돌려보내지 않음) 작은 ‖∂ℓ/∂h_t‖는 잘 학습된 셀일 수도 있지만, 작은 ‖∂h_T/∂h_t‖는 언제나 마지막 상태가 시점 t를 잊었다는 뜻입니다.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The mean activation of each gate of one cell (chosen above the plot) along the sequence, at the newest captured training step, and the cell&apos;s update equations beneath.</source>
        <translation>그래프 위에서 고른 셀의 각 게이트 평균 활성값을 시퀀스를 따라, 가장 최근에 기록된 학습 단계에서 보여 주고, 아래에 그 셀의 갱신 식을 보여 줍니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time step t runs along the bottom; a gate&apos;s value lies between 0 (closed) and 1 (open), averaged over the batch and the hidden units. The plain RNN has no gates.</source>
        <translation>가로축은 시점 t입니다. 게이트 값은 0(닫힘)과 1(열림) 사이이며 배치와 은닉 유닛에 대해 평균한 값입니다. 기본 RNN에는 게이트가 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The LSTM&apos;s forget gate near 1 keeps its cell state, and with it the memory, across many steps. Careful with the GRU&apos;s update gate z: GateLab, like torch, writes h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_(t−1), so z near 1 keeps the old state; many lecture notes use the complement, 1 − z.</source>
        <translation>LSTM의 망각 게이트가 1 가까이에 있으면 셀 상태와 함께 기억이 여러 시점 동안 유지됩니다. GRU의 업데이트 게이트 z는 주의하세요. GateLab은 torch처럼 h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_(t−1)로 쓰므로 z가 1에 가까우면 이전 상태를 유지합니다. 많은 강의 노트는 그 보수인 1 − z를 씁니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gate history</source>
        <translation>게이트 이력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gates of one cell (chosen above the plot) over the whole training: one heatmap per gate, one row per recorded training step, one column per time step t; the colour is the gate&apos;s mean activation over the batch and the units.</source>
        <translation>(그래프 위에서 고른) 한 셀의 게이트를 학습 전체에 걸쳐 보여 줍니다. 게이트마다 히트맵 하나, 기록된 학습 단계마다 한 행, 시점 t마다 한 열이며, 색은 배치와 유닛에 대한 게이트의 평균 활성값입니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dark is closed (0), bright is open (1), on one scale for every gate. The vertical axis counts training steps; the dashed line is the timeline&apos;s step, whose curves the Gates panel shows.</source>
        <translation>어두우면 닫힘(0), 밝으면 열림(1)이며 모든 게이트가 같은 눈금을 씁니다. 세로축은 학습 단계이고, 점선은 타임라인의 단계로 게이트 그래프가 그 단계의 곡선을 보여 줍니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Watch the LSTM&apos;s forget gate brighten as it learns to keep its cell state across the sequence, and the rows change where the loss leaves the chance level. A map that never changes belongs to a cell that learns nothing.</source>
        <translation>LSTM이 시퀀스 내내 셀 상태를 간직하는 법을 배우면서 망각 게이트가 밝아지는 것, 그리고 손실이 우연 수준을 벗어나는 곳에서 행이 바뀌는 것을 보세요. 전혀 바뀌지 않는 히트맵은 아무것도 배우지 못하는 셀입니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>State magnitude</source>
        <translation>상태 크기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How large each cell&apos;s state is along the sequence: the norm ‖s_t‖ of every example&apos;s state vector, averaged over the batch, for the state chosen above the plot (the hidden state h_t, the LSTM&apos;s cell state c_t, or any state a plugin cell declares).</source>
        <translation>시퀀스를 따라 각 셀의 상태가 얼마나 큰지: 그래프 위에서 고른 상태(은닉 상태 h_t, LSTM의 셀 상태 c_t, 또는 플러그인 셀이 선언한 상태)에 대해 예제마다 상태 벡터의 노름 ‖s_t‖를 구해 배치 평균을 냅니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time step t runs along the bottom. The faint curve is training step 1, the strong one the newest step (or the timeline&apos;s). The axes stay fixed while the timeline moves. Runs saved before GateLab recorded it say so.</source>
        <translation>가로축은 시점 t입니다. 흐린 곡선은 학습 1단계, 진한 곡선은 최신 단계(또는 타임라인의 단계)입니다. 타임라인이 움직여도 축은 고정됩니다. GateLab이 이 값을 기록하기 전에 저장된 실행은 그렇다고 알려 줍니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tanh RNN&apos;s and GRU&apos;s ‖h_t‖ cannot exceed √H. The LSTM&apos;s ‖c_t‖ has no such bound: while its forget gate stays near 1 it adds up what it is told to keep, so a growing ‖c_t‖ is its memory at work.</source>
        <translation>tanh RNN과 GRU의 ‖h_t‖는 √H를 넘을 수 없습니다. LSTM의 ‖c_t‖에는 그런 한계가 없습니다. 망각 게이트가 1 가까이 있는 동안 간직하라는 것을 계속 더하므로, 커지는 ‖c_t‖는 기억이 일하고 있다는 표시입니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Comparison table</source>
        <translation>비교 표</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One row per cell: parameters, training steps, speed, the newest loss and metric, the time spent training, the time to solve the task, and the status.</source>
        <translation>셀마다 한 행: 파라미터 수, 학습 단계, 속도, 최신 손실과 지표, 학습에 걸린 시간, 과제를 해결하기까지의 시간, 상태.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Parameters and speed are what a cell costs, solving is what it buys: the GRU has about three quarters of the LSTM&apos;s parameters; does it solve the task as soon?</source>
        <translation>파라미터 수와 속도는 셀의 비용이고, 해결은 그 대가로 얻는 것입니다. GRU의 파라미터는 LSTM의 약 4분의 3입니다. 과제도 그만큼 빨리 해결할까요?</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Help on the plots</source>
        <translation>그래프 도움말</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Help on this plot</source>
        <translation>이 그래프 도움말</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What this plot shows, how to read it and what to look for</source>
        <translation>이 그래프가 무엇을 보여 주는지, 어떻게 읽는지, 무엇을 보면 되는지</translation>
    </message>
</context>
<context>
    <name>PluginPanel</name>
    <message>
        <location filename="../../gui/plugin_panel.py" line="+77"/>
        <source>New cell…</source>
        <translation>새 셀…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a commented cell template into your plugin folder and open it in your editor</source>
        <translation>주석이 달린 셀 템플릿을 플러그인 폴더에 만들고 편집기로 엽니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open plugin folder</source>
        <translation>플러그인 폴더 열기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open your plugin folder; every .py file there is checked and listed</source>
        <translation>플러그인 폴더를 엽니다. 그 안의 모든 .py 파일을 검사해 목록에 보여 줍니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reload plugins</source>
        <translation>플러그인 다시 불러오기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check every plugin again (saving a plugin file does this by itself)</source>
        <translation>모든 플러그인을 다시 검사합니다 (플러그인 파일을 저장하면 저절로 됩니다)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>View traceback</source>
        <translation>트레이스백 보기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the full Python traceback of the selected plugin</source>
        <translation>선택한 플러그인의 전체 Python 트레이스백을 보여 줍니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>출처</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{tip} ({keys})</source>
        <translation>{tip} ({keys})</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>task</source>
        <translation>과제</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cell</source>
        <translation>셀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>built-in</source>
        <translation>내장</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ready to train</source>
        <translation>학습 준비됨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>usable, with a warning</source>
        <translation>사용 가능 (경고 있음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a helper file that plugins beside it import</source>
        <translation>옆에 있는 플러그인이 가져다 쓰는 도우미 파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>broken: not offered for training</source>
        <translation>오류: 학습에 쓸 수 없음</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{ok} ready, {warning} with warnings, {broken} broken</source>
        <translation>준비됨 {ok}개, 경고 {warning}개, 오류 {broken}개</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(checking plugins…)</source>
        <translation>(플러그인 검사 중…)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{count} parameters (input 2, hidden 64)</source>
        <translation>파라미터 {count}개 (입력 2, 은닉 64)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{ms} ms per time step (forward + backward, batch 32)</source>
        <translation>시점당 {ms} ms (순전파 + 역전파, 배치 32)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>gradient reaches h(t−1): yes</source>
        <translation>기울기가 h(t−1)에 도달: 예</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gradient reaches h(t−1): no</source>
        <translation>기울기가 h(t−1)에 도달: 아니요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>records: {gates}</source>
        <translation>기록: {gates}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings for this cell:</source>
        <translation>이 셀에 적용되는 설정:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>metric: {0}</source>
        <translation>지표: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  option {name} = {default}{limits}: {help}</source>
        <translation>  옵션 {name} = {default}{limits}: {help}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>initialisation and gain</source>
        <translation>초기화와 이득(gain)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>forget bias</source>
        <translation>망각 게이트 편향</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>float64</source>
        <translation>float64</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>applies</source>
        <translation>적용됨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>does not apply</source>
        <translation>적용되지 않음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>untested</source>
        <translation>확인 안 됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  {setting}: {applies} ({detail})</source>
        <translation>  {setting}: {applies} ({detail})</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../gui/reason_words.py" line="+31"/>
        <source>not a subclass of cells.Cell</source>
        <translation>cells.Cell의 하위 클래스가 아닙니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the class attribute `name` is missing or empty (give the cell a display name)</source>
        <translation>클래스 속성 `name`이 없거나 비어 있습니다(셀에 표시할 이름을 주세요)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`state_names` must be a non-empty tuple of strings, e.g. (&apos;h&apos;,) or (&apos;h&apos;, &apos;c&apos;)</source>
        <translation>`state_names`는 비어 있지 않은 문자열 튜플이어야 합니다. 예: (&apos;h&apos;,) 또는 (&apos;h&apos;, &apos;c&apos;)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the constructor must accept (input_size, hidden_size)</source>
        <translation>생성자는 (input_size, hidden_size)를 받아야 합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forward must return (output, state), but returned {what}</source>
        <translation>forward는 (output, state)를 반환해야 하는데 {what}을(를) 반환했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forward must return the state as a tuple, but returned {what}</source>
        <translation>forward는 상태를 튜플로 반환해야 하는데 {what}을(를) 반환했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forward returned {count} state tensor(s), but state_names declares {declared}</source>
        <translation>forward가 상태 텐서 {count}개를 반환했지만 state_names에는 {declared}가 선언되어 있습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{label} must be a tensor, but is {what}</source>
        <translation>{label}은(는) 텐서여야 하는데 {what}입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} has shape {shape}, expected [batch, hidden_size] = {expected} (input size {inputs}, hidden size {hidden})</source>
        <translation>{label}의 모양이 {shape}입니다. [batch, hidden_size] = {expected}이어야 합니다(입력 크기 {inputs}, 은닉 크기 {hidden})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{label} has dtype {dtype}, expected {expected} like the input</source>
        <translation>{label}의 dtype이 {dtype}입니다. 입력과 같은 {expected}이어야 합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} contains {bad} after step {step} of a small random batch</source>
        <translation>작은 무작위 배치로 {step}단계를 진행한 뒤 {label}에 {bad}가 있습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>initial_state returned {what}, expected a tuple of {count} tensor(s) {names}</source>
        <translation>initial_state가 {what}을(를) 반환했습니다. 텐서 {count}개 {names}의 튜플이어야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the output does not depend on anything trainable (no gradient at all: a .detach() or torch.no_grad() in forward?)</source>
        <translation>출력이 학습되는 어떤 것에도 의존하지 않습니다(기울기가 전혀 없음: forward 안에 .detach()나 torch.no_grad()가 있나요?)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the backward pass produced NaN or Inf gradients</source>
        <translation>역전파에서 NaN 또는 Inf 기울기가 나왔습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no gradient reaches the previous state {state}_(t-1): the output does not depend on it differentiably (a .detach()?), so the gradient-through-time plot stays empty</source>
        <translation>이전 상태 {state}_(t-1)에 기울기가 닿지 않습니다. 출력이 그것에 미분 가능하게 의존하지 않아서(.detach()?) 시간에 따른 기울기 그래프가 비어 있게 됩니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no gradient reaches {count} parameter(s): {names}; they will never be trained</source>
        <translation>파라미터 {count}개에 기울기가 닿지 않습니다: {names}. 이 파라미터들은 학습되지 않습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the output is not the returned state {name} nor computed from it, so the gradient-through-time plot (read off the returned {name}) misses the readout&apos;s path and shows 0 at the last step; return the state tensor itself as the output (return {name}, ({name}, …)) — see docs/PLUGINS.md, &apos;Output and state&apos;</source>
        <translation>출력이 반환한 상태 {name} 자체도 아니고 그것으로 계산되지도 않았습니다. 그래서 (반환된 {name}에서 읽는) 시간에 따른 기울기 그래프에 출력 경로가 빠져 마지막 시점에서 0을 보입니다. 상태 텐서 자체를 출력으로 반환하세요(return {name}, ({name}, …)). docs/PLUGINS.md의 &apos;Output and state&apos;를 보세요</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a step on {device} returned a tensor on {other}</source>
        <translation>{device}에서 한 단계를 진행했는데 {other}에 있는 텐서를 반환했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fails in float64 (the window&apos;s float64 option): {error}</source>
        <translation>float64에서 실패합니다(창의 float64 옵션): {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state {name}</source>
        <translation>상태 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a tensor of shape {shape}</source>
        <translation>모양이 {shape}인 텐서</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a subclass of tasks.Task</source>
        <translation>tasks.Task의 하위 클래스가 아닙니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the class attribute `name` is missing or empty (give the task a name to choose it by)</source>
        <translation>클래스 속성 `name`이 없거나 비어 있습니다(과제를 고를 때 쓸 이름을 주세요)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a task must be a frozen dataclass: put @dataclass(frozen=True) above the class</source>
        <translation>과제는 고정된(frozen) dataclass여야 합니다: 클래스 위에 @dataclass(frozen=True)를 붙이세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>option {name} has no default: declare it with option(default, help)</source>
        <translation>옵션 {name}에 기본값이 없습니다: option(default, help)로 선언하세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>option {name} has a default of type {kind}; options are bool, int, float or str</source>
        <translation>옵션 {name}의 기본값 형식이 {kind}입니다. 옵션은 bool, int, float, str 중 하나여야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a {dtype} tensor of shape {shape}</source>
        <translation>모양이 {shape}인 {dtype} 텐서</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must be a positive integer (got {value})</source>
        <translation>{name}은(는) 양의 정수여야 합니다(받은 값 {value})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>baseline_loss must be a positive finite number: the loss of the best answer that remembers nothing (got {value})</source>
        <translation>baseline_loss는 양의 유한한 수여야 합니다: 아무것도 기억하지 않는 최선의 답이 얻는 손실(받은 값 {value})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>baseline_metric must be a number in [0, 1] (got {value})</source>
        <translation>baseline_metric은 [0, 1] 안의 수여야 합니다(받은 값 {value})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch() must return a tasks.Batch, but returned {what}</source>
        <translation>batch()는 tasks.Batch를 반환해야 하는데 {what}을(를) 반환했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the batch&apos;s {label} must be a tensor, but is {what}</source>
        <translation>배치의 {label}은(는) 텐서여야 하는데 {what}입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the batch&apos;s inputs are {what}, expected a float tensor of shape [steps, batch, input_size] = {expected} (T = {length})</source>
        <translation>배치의 inputs가 {what}입니다. 모양이 [steps, batch, input_size] = {expected}인 실수 텐서여야 합니다(T = {length})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the batch&apos;s inputs contain NaN or Inf (T = {length})</source>
        <translation>배치의 inputs에 NaN 또는 Inf가 있습니다(T = {length})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the batch&apos;s mask is {what}, expected shape [steps, batch] = {expected}</source>
        <translation>배치의 mask가 {what}입니다. 모양이 [steps, batch] = {expected}이어야 합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the batch&apos;s targets are {what}: the batch ({size}) must be their first or second dimension</source>
        <translation>배치의 targets가 {what}입니다: 배치 크기({size})가 첫째나 둘째 차원이어야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>two generators seeded alike gave different batches (T = {length}): draw every random number from the `generator` argument (torch.rand(..., generator=generator)), so that every cell sees the same data</source>
        <translation>같은 시드의 생성기 둘이 서로 다른 배치를 만들었습니다(T = {length}). 모든 난수를 `generator` 인자에서 뽑으세요(torch.rand(..., generator=generator)). 그래야 모든 셀이 같은 데이터를 봅니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>every seed gives the same batch: the task ignores its generator, so the cells see one batch over and over</source>
        <translation>어떤 시드에서도 같은 배치가 나옵니다: 과제가 생성기를 쓰지 않아 셀들이 한 배치만 계속 봅니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loss_per_example must return one loss per example, shape [batch] = {expected}, but returned {what}</source>
        <translation>loss_per_example은 예제마다 손실 하나, 모양 [batch] = {expected}를 반환해야 하는데 {what}을(를) 반환했습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loss_per_example gave NaN or Inf for random outputs</source>
        <translation>무작위 출력에 대해 loss_per_example이 NaN 또는 Inf를 냈습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the loss does not depend on the outputs (no gradient would reach the cells)</source>
        <translation>손실이 출력에 의존하지 않습니다(셀에 기울기가 닿지 않습니다)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the loss&apos;s gradient does not reach the outputs, or is NaN or Inf</source>
        <translation>손실의 기울기가 출력에 닿지 않거나 NaN 또는 Inf입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>metric must return a number, but returned {what}</source>
        <translation>metric은 수를 반환해야 하는데 {what}을(를) 반환했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>metric must return a number in [0, 1] (got {value})</source>
        <translation>metric은 [0, 1] 안의 수를 반환해야 합니다(받은 값 {value})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>called sys.exit({code}) during a validation step</source>
        <translation>검증 단계에서 sys.exit({code})를 호출했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ran out of memory: it tried to allocate more than this machine has{size}</source>
        <translation>메모리가 부족합니다: 이 컴퓨터에 있는 것보다 많이 할당하려 했습니다{size}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>raised {error} during a validation step</source>
        <translation>검증 단계에서 {error}을(를) 일으켰습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the plugin called sys.exit({code}) while its model was being built</source>
        <translation>모델을 만드는 중에 플러그인이 sys.exit({code})를 호출했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the plugin called sys.exit({code}) while being imported</source>
        <translation>가져오는(import) 중에 플러그인이 sys.exit({code})를 호출했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it imports {module}, which is not installed (ModuleNotFoundError)</source>
        <translation>설치되지 않은 {module}을(를) 가져옵니다(ModuleNotFoundError)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no subclass of cells.Cell is defined here</source>
        <translation>이 파일에는 cells.Cell의 하위 클래스가 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate name {name}: already defined by {where}; rename one of them</source>
        <translation>이름 {name}이(가) 겹칩니다: 이미 {where}에서 정의했습니다. 둘 중 하나의 이름을 바꾸세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plugins are checked in forked processes, which this system lacks; run GateLab under Linux or macOS (on Windows: WSL)</source>
        <translation>플러그인은 fork한 프로세스에서 검사하는데 이 시스템에는 fork가 없습니다. GateLab을 Linux나 macOS에서 실행하세요(Windows에서는 WSL)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not checked: checking was cancelled</source>
        <translation>검사하지 않음: 검사가 취소되었습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>could not be checked: {problem}</source>
        <translation>검사할 수 없었습니다: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>importing it took longer than {limit} s (an endless loop at import?)</source>
        <translation>가져오기(import)가 {limit}초보다 오래 걸렸습니다(import 중 무한 루프?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validating cell class {cell} took longer than {limit} s (an endless loop in forward or __init__?); it was stopped</source>
        <translation>셀 클래스 {cell}의 검증이 {limit}초보다 오래 걸려(forward나 __init__의 무한 루프?) 중단했습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{ending} while importing it</source>
        <translation>가져오는(import) 중 {ending}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{ending} while validating {cell}</source>
        <translation>{cell}을(를) 검증하는 중 {ending}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the Python interpreter crashed ({signal})</source>
        <translation>파이썬 인터프리터가 비정상 종료했습니다({signal})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the Python interpreter exited (exit code {code}, e.g. os._exit)</source>
        <translation>파이썬 인터프리터가 종료했습니다(종료 코드 {code}, 예: os._exit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the plugin checker stopped answering</source>
        <translation>플러그인 검사기가 응답하지 않습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SyntaxError: {message} (line {line})</source>
        <translation>문법 오류(SyntaxError): {message} ({line}행)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not validated: {cell} in the same plugin {what}</source>
        <translation>검증하지 않음: 같은 플러그인의 {cell}에서 {what}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} became {value} at step {step}</source>
        <translation>{step}단계에서 {what} 값이 {value}(으)로 바뀌었습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gradient norm</source>
        <translation>기울기 노름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the worker process ended unexpectedly (exit code {code})</source>
        <translation>작업 프로세스가 예기치 않게 끝났습니다(종료 코드 {code})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step {step} took longer than {limit} s; the cell was stopped</source>
        <translation>{step}단계가 {limit}초보다 오래 걸려 셀을 멈췄습니다</translation>
    </message>
</context>
<context>
    <name>RunControl</name>
    <message>
        <location filename="../../gui/run_control.py" line="+60"/>
        <source>Cannot start: {0}</source>
        <translation>시작할 수 없음: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GateLab — {0}, T = {1}</source>
        <translation>GateLab — {0}, T = {1}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Changed settings ({0}) apply after Reset (R).</source>
        <translation>바뀐 설정({0})은 초기화(R) 후에 적용됩니다.</translation>
    </message>
</context>
<context>
    <name>RunFileDialogs</name>
    <message>
        <location filename="../../gui/file_dialogs.py" line="+35"/>
        <source>Save run into folder</source>
        <translation>실행 기록을 저장할 폴더</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a saved run</source>
        <translation>저장된 실행 기록 열기</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save run as a .gatelab file</source>
        <translation>.gatelab 파일로 실행 기록 저장</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open a .gatelab file</source>
        <translation>.gatelab 파일 열기</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>GateLab run (*.gatelab)</source>
        <translation>GateLab 실행 기록 (*.gatelab)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export plots into folder</source>
        <translation>그래프를 내보낼 폴더</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PNG width</source>
        <translation>PNG 너비</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Width in pixels:</source>
        <translation>너비(픽셀):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export data</source>
        <translation>데이터 내보내기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>GateLab</source>
        <translation>GateLab</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done: {0}</source>
        <translation>완료: {0}</translation>
    </message>
</context>
<context>
    <name>RunProgress</name>
    <message>
        <location filename="../../gui/run_progress.py" line="+23"/>
        <location line="+29"/>
        <source>Training steps done by the slowest cell</source>
        <translation>가장 느린 셀이 마친 학습 단계 수</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>step %v of %m</source>
        <translation>%m단계 중 %v</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>step {0}</source>
        <translation>{0}단계</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} (partial run)</source>
        <translation>{0} (일부만 저장된 실행)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This run was interrupted or saved as a checkpoint: it holds the steps done until then</source>
        <translation>이 실행은 중단되었거나 체크포인트로 저장되었습니다. 그때까지 마친 단계만 담고 있습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0:.1f} steps/s per cell</source>
        <translation>셀당 초당 {0:.1f}단계</translation>
    </message>
</context>
<context>
    <name>Splash</name>
    <message>
        <location filename="../../gui/application.py" line="+46"/>
        <source>Loading PyTorch…</source>
        <translation>PyTorch 불러오는 중…</translation>
    </message>
</context>
<context>
    <name>StateMagnitudePanel</name>
    <message>
        <location filename="../../gui/panels/state_magnitude.py" line="+44"/>
        <source>Which state&apos;s magnitude to show</source>
        <translation>어느 상태의 크기를 볼지</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not recorded in this run</source>
        <translation>이 실행에는 기록되지 않았습니다</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>State magnitude ‖{0}ₜ‖</source>
        <translation>상태 크기 ‖{0}ₜ‖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The batch mean of each example&apos;s state norm ‖{0}ₜ‖ along the sequence: faint at step 1, strong at the newest or the timeline&apos;s step</source>
        <translation>시퀀스를 따라 예제마다 구한 상태 노름 ‖{0}ₜ‖의 배치 평균: 흐린 선은 1단계, 진한 선은 최신 또는 타임라인의 단계</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>time step t</source>
        <translation>시점 t</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mean ‖{0}&lt;sub&gt;t&lt;/sub&gt;‖</source>
        <translation>평균 ‖{0}&lt;sub&gt;t&lt;/sub&gt;‖</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cₜ: cell state (LSTM)</source>
        <translation>cₜ: 셀 상태 (LSTM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hₜ: hidden state</source>
        <translation>hₜ: 은닉 상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: state</source>
        <translation>{0}: 상태</translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <location filename="../../gui/sweep_view.py" line="+42"/>
        <source>GateLab sweep — {0}</source>
        <translation>GateLab 스윕 — {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{task}: {cells} cells × {lengths} lengths × {seeds} seeds; bands: ± 1 standard deviation over the seeds</source>
        <translation>{task}: 셀 {cells}개 × 길이 {lengths}개 × 시드 {seeds}개. 띠: 시드에 대한 ± 1 표준편차</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The sequence length whose loss curves are shown</source>
        <translation>손실 곡선을 보일 시퀀스 길이</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The seed of the run to open</source>
        <translation>열 실행의 시드</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seed {0}</source>
        <translation>시드 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open this run</source>
        <translation>이 실행 열기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show every cell&apos;s run at this T and seed in the main window, with its gradients (Enter)</source>
        <translation>이 T와 시드에서 모든 셀의 실행을 기울기와 함께 주 창에 보여 줍니다(Enter)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Final {0} against sequence length</source>
        <translation>시퀀스 길이에 따른 최종 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sequence length T</source>
        <translation>시퀀스 길이 T</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chance</source>
        <translation>우연 수준</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loss at T = {0}</source>
        <translation>T = {0}에서의 손실</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>training step</source>
        <translation>학습 단계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chance {0:.3g}</source>
        <translation>우연 수준 {0:.3g}</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../gui/task_words.py" line="+20"/>
        <source>adding</source>
        <translation>덧셈 문제 (adding)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>copy</source>
        <translation>복사 과제 (copy)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recall</source>
        <translation>회상 과제 (recall)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>echo</source>
        <translation>메아리 과제 (echo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>order</source>
        <translation>순서 과제 (order)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>csv</source>
        <translation>CSV 데이터 (csv)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sum the two marked numbers of a long sequence (MSE at the last step)</source>
        <translation>긴 시퀀스에서 표시된 두 수를 더합니다 (마지막 시점의 MSE)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remember 10 symbols across T blanks and repeat them (cross-entropy, all steps)</source>
        <translation>기호 10개를 빈칸 T개 동안 기억했다가 되풀이합니다 (교차 엔트로피, 모든 시점)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name the first token after T−1 distractors (cross-entropy at the last step)</source>
        <translation>방해 토큰 T−1개 뒤에 첫 토큰을 말합니다 (마지막 시점의 교차 엔트로피)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repeat each token d steps later (cross-entropy on every step from d on)</source>
        <translation>각 토큰을 d 시점 뒤에 되풀이합니다 (d 이후 모든 시점의 교차 엔트로피)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>classify the order of two X/Y symbols hidden among distractors (4 classes)</source>
        <translation>방해 기호 사이에 숨은 X/Y 기호 두 개의 순서를 분류합니다 (4개 클래스)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your own sequences from a CSV file (sequence, t, features…, target; answered at the end)</source>
        <translation>CSV 파일에 담은 내 시퀀스(sequence, t, 특성…, target; 마지막에 답함)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy (|error| &lt; tolerance)</source>
        <translation>정확도 (|오차| &lt; 허용 오차)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy on the recalled symbols</source>
        <translation>기억해 낸 기호의 정확도</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Length</source>
        <translation>길이</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tolerance</source>
        <translation>허용 오차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbols</source>
        <translation>기호 수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay</source>
        <translation>지연</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sequence length T (time steps that carry the dependency)</source>
        <translation>시퀀스 길이 T (의존성을 이어 가야 하는 시점 수)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an answer within this of the target counts as correct</source>
        <translation>목표와의 차이가 이 값 안이면 정답으로 칩니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>K, the number of distinct tokens</source>
        <translation>K, 서로 다른 토큰의 수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d, how many steps back to echo</source>
        <translation>d, 몇 시점 전의 토큰을 되풀이할지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path</source>
        <translation>경로</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the CSV file: columns sequence, t, features…, target (docs/PLUGINS.md)</source>
        <translation>CSV 파일: 열은 sequence, t, 특성…, target (docs/PLUGINS.md)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>classification (the target is a label) or regression (a number)</source>
        <translation>분류(target이 레이블) 또는 회귀(target이 수)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>regression: an answer within this many standard deviations counts as correct</source>
        <translation>회귀: 이 표준편차 배수 안의 답을 정답으로 칩니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>input i</source>
        <translation>입력 게이트 i</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forget f</source>
        <translation>망각 게이트 f</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>output o</source>
        <translation>출력 게이트 o</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reset r</source>
        <translation>리셋 게이트 r</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>update z</source>
        <translation>업데이트 게이트 z</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <location filename="../../gui/timeline_bar.py" line="+73"/>
        <source>The training step every plot shows: drag to go back through the recorded steps (← → one step, Home/End first/last). At the right end the plots follow the newest step.</source>
        <translation>모든 그래프가 보여 주는 학습 단계: 끌어서 기록된 단계를 거슬러 갑니다 (← → 한 단계, Home/End 처음/마지막). 오른쪽 끝에서는 그래프가 최신 단계를 따라갑니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0:g}×</source>
        <translation>{0:g}×</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay speed: 1× replays at the pace the run trained at (its slowest cell); [ slower, ] faster</source>
        <translation>재생 속도: 1×는 학습했던 속도(가장 느린 셀 기준)로 재생합니다. [ 느리게, ] 빠르게</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>step {0} of {1}</source>
        <translation>{1}단계 중 {0}단계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no recording</source>
        <translation>기록 없음</translation>
    </message>
</context>
<context>
    <name>TracebackDialog</name>
    <message>
        <location filename="../../gui/traceback_dialog.py" line="+17"/>
        <source>Traceback: {name}</source>
        <translation>트레이스백: {name}</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <location filename="../../gui/application.py" line="+69"/>
        <source>Plugins</source>
        <translation>플러그인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Plugins</source>
        <translation>플러그인(&amp;P)</translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <location filename="../../gui/window_layout.py" line="+52"/>
        <source>Controls</source>
        <translation>설정</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comparison</source>
        <translation>비교</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Reset settings</source>
        <translation>설정 초기화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the language, scale, theme, window layout, last preset and last folder? GateLab starts as on its first launch next time.</source>
        <translation>언어, 배율, 테마, 창 배치, 마지막 프리셋과 마지막 폴더를 지울까요? 다음에는 GateLab이 처음 실행할 때처럼 시작합니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings reset: the next launch starts as the first</source>
        <translation>설정을 초기화했습니다. 다음 실행은 처음 실행처럼 시작합니다</translation>
    </message>
</context>
</TS>
