import{d as e,i as t,l as n,n as r,o as i,s as a,t as o,u as s}from"./jsxRuntime-nMkLdJGP.js";import{C as c,S as l,a as u,h as d,i as f,o as p,y as m}from"./index-BVrHyDWs.js";import{AccountScreen as h}from"./account-screens-D_TRcxEq.js";import{Settings as g}from"./settings-ljsONJ8e.js";import{a as _,c as v,d as y,f as b,i as x,l as S,m as C,n as w,o as T,p as E,r as ee,t as D,u as te}from"./shell-CJ9o8elv.js";import{c as ne,d as re,i as ie,l as ae,o as O,r as k,s as oe,u as se}from"./queue-nY6a-7o_.js";var ce=new d(`
    query GuardianHome($from: Date!, $to: Date!) {
  me {
    children {
      id
      name
      nameKana
      birthDate
      nurseryId
      classroom {
        id
        name
      }
      attendance(from: $from, to: $to) {
        ...AttendanceFields
      }
      absences(from: $from, to: $to) {
        ...AbsenceFields
      }
      healthChecks(from: $from, to: $to) {
        id
        recordedAt
        temperatureC
        fever
        source
      }
      meals(from: $from, to: $to) {
        id
        date
        meal
        amount
      }
      naps(from: $from, to: $to) {
        id
        startedAt
        endedAt
      }
    }
  }
}
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}
fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`),le=new d(`
    query ChildMonth($id: ID!, $from: Date!, $to: Date!) {
  child(id: $id) {
    id
    name
    attendance(from: $from, to: $to) {
      id
      kind
      occurredAt
      pickupBy
    }
    absences(from: $from, to: $to) {
      id
      kind
      date
      reason
      symptoms
      expectedArrival
    }
  }
}
    `),ue=new d(`
    query ChildGrowth($id: ID!) {
  child(id: $id) {
    id
    name
    birthDate
    growth {
      id
      measuredOn
      heightCm
      weightKg
      kaupIndex
    }
  }
}
    `),de=new d(`
    query NotebookPages($nurseryId: ID!, $from: Date!, $to: Date!) {
  journals(nurseryId: $nurseryId, kind: CONTACT_NOTEBOOK, from: $from, to: $to) {
    id
    status
    revision
    periodStart
    body
    updatedAt
    child {
      id
    }
  }
}
    `),fe=new d(`
    query JournalById($id: ID!) {
  journal(id: $id) {
    id
    revision
    status
    body
    periodStart
  }
}
    `),pe=new d(`
    mutation SaveNotebookHome($input: JournalDraftInput!) {
  saveJournalDraft(input: $input) {
    id
    revision
    status
    body
    periodStart
  }
}
    `),me=new d(`
    mutation ReportAbsence($input: AbsenceInput!) {
  reportAbsence(input: $input) {
    ...AbsenceFields
  }
}
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`),he=new d(`
    mutation RecordHealthCheck($input: HealthCheckInput!) {
  recordHealthCheck(input: $input) {
    id
    recordedAt
    temperatureC
    fever
    source
  }
}
    `),ge=new d(`
    mutation RecordMeal($input: MealInput!) {
  recordMeal(input: $input) {
    id
    date
    meal
    amount
  }
}
    `),_e=new d(`
    subscription AbsenceUpdates {
  absenceUpdates {
    ...AbsenceFields
  }
}
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`);function A(e){return ie(e.attendance,e.absences)}function ve(e){switch(e.status){case`PRESENT`:return{cls:`st-present`,icon:`check`,text:e.by?t(`arrivedBy`,{time:S(e.at),by:e.by}):t(`arrived`,{time:S(e.at)})};case`LEFT`:return{cls:`st-left`,icon:`home`,text:e.pickupBy?t(`leftPickup`,{time:S(e.at),who:e.pickupBy}):t(`left`,{time:S(e.at)})};case`ABSENT`:return{cls:`st-absent`,icon:`cross`,text:t(`absentReported`)};case`LATE`:return{cls:`st-late`,icon:`clock`,text:e.at?t(`lateExpected`,{time:S(e.at)}):t(`kindLATE`)};default:return{cls:`st-none`,icon:`dash`,text:t(`notYet`)}}}function j({state:e}){let t=ve(e);return o(`p`,{class:`badge ${t.cls}`,"data-testid":`child-status`,children:[o(w,{name:t.icon,size:22}),o(`span`,{children:t.text})]})}function M({acknowledgedAt:e}){return e?o(`span`,{class:`ack yes`,"data-testid":`ack`,children:[o(w,{name:`check`,size:18}),` `,t(`acknowledgedAt`,{time:S(e)})]}):o(`span`,{class:`ack no`,"data-testid":`ack`,children:[o(w,{name:`clock`,size:18}),` `,t(`awaitingAck`)]})}var N=i(be()),P=i(null),F=i([]);function ye(e){F.value=F.value.filter(t=>t.id!==e)}var I=i([]),L=`tsunagu.cursor`,R=`tsunagu.home`,z=``,B=null;function be(){try{let e=localStorage.getItem(R);if(!e)return null;let t=JSON.parse(e);return t.date===C()?t.children:null}catch{return null}}function xe(e){try{localStorage.setItem(R,JSON.stringify({date:C(),children:e}))}catch{}}function V(e){N.value=e,xe(e)}async function H(e=!1){let t=C();try{let n=await c(ce,{from:t,to:t}),r=new Set((N.value??[]).flatMap(e=>e.attendance.map(e=>e.id))),i=z!==t;if(z=t,!i)for(let t of n.me.children)for(let n of t.attendance)!r.has(n.id)&&(e||Date.parse(n.occurredAt)<Date.now()-15e3)&&U(n);V(n.me.children),P.value=null}catch(e){P.value=e instanceof Error?e.message:String(e)}}function U(e){I.value.some(t=>t.id===e.id)||(I.value=[...I.value,e])}function Se(){I.value=[]}function Ce(e,t){localStorage.setItem(L,e.cursor);let n=N.value;if(!n||y(e.occurredAt)!==C())return;let r=n.find(t=>t.id===e.child.id);if(!r)return;if(e.corrects){V(n.map(t=>t===r?{...t,attendance:O(t.attendance,e)}:t));return}if(r.attendance.some(t=>t.id===e.id))return;let i=!ee.value||document.visibilityState===`hidden`;(t===null?i:Date.parse(e.occurredAt)<=t)&&U(e),V(n.map(t=>t===r?{...t,attendance:O(t.attendance,e)}:t))}function W(e,t){let n=N.value;n&&V(n.map(n=>n.id===e?{...n,absences:oe(n.absences,t)}:n))}function we(e,t){let n=N.value;n&&V(n.map(n=>n.id===e?t(n):n))}function Te(){if(B)return;let e=!1;B=()=>{e=!0},c(ae).then(e=>localStorage.setItem(L,e.liveCursor)).catch(()=>{}).then(()=>H()).then(()=>{e||(B=Ee())}),setInterval(()=>{document.visibilityState===`visible`&&z!==C()&&H()},6e4),window.addEventListener(`online`,De),document.addEventListener(`visibilitychange`,Oe)}function Ee(){let e=m(re,()=>({after:localStorage.getItem(L)}),(e,t)=>Ce(e.attendanceEvents,t)),t=m(se,()=>({}),e=>{let t=e.careAlerts;t.kind===`FEVER`&&!F.value.some(e=>e.id===t.id)&&(F.value=[...F.value,{id:t.id,childId:t.child.id,name:t.child.name}]),H()}),n=m(_e,()=>({}),e=>{let t=e.absenceUpdates;t.date===C()&&W(t.child.id,t)});return()=>{e(),t(),n()}}function De(){H(!0)}function Oe(){document.visibilityState===`visible`&&H(!0)}function G({childId:e}){let n=F.value.filter(t=>!e||t.childId===e);return n.length?o(`section`,{class:`card notice`,role:`alert`,"data-testid":`notice`,children:n.map(e=>o(`div`,{class:`notice-line`,children:[o(`p`,{children:[o(`strong`,{children:t(`pushFeverTitle`)}),o(`br`,{}),t(`pushFeverBody`,{name:q(e.name)})]}),o(`button`,{class:`btn small`,onClick:()=>ye(e.id),children:t(`close`)})]},e.id))}):null}function ke(){let e=N.value;return o(D,{title:t(`appName`),children:[o(`p`,{class:`today`,children:t(`todayIs`,{date:T(C(),r.value)})}),o(G,{}),o(Ae,{}),!e&&o(`p`,{children:t(`loading`)}),e&&e.length===0&&o(`p`,{children:t(`noChildren`)}),e?.map(e=>o(je,{child:e},e.id))]})}function Ae(){let e=I.value;if(!e.length)return null;let n=e=>q(N.value?.find(t=>t.id===e)?.name??``);return o(`section`,{class:`card missed`,"aria-labelledby":`missed-title`,"data-testid":`missed`,children:[o(`h2`,{id:`missed-title`,children:[o(w,{name:`bell`}),` `,t(`missedTitle`)]}),o(`ul`,{children:e.map(e=>o(`li`,{children:t(e.kind===`CHECK_IN`?`missedArrived`:`missedLeft`,{name:n(e.child.id),time:S(e.occurredAt)})},e.id))}),o(`button`,{class:`btn small`,onClick:Se,children:t(`close`)})]})}function K({child:e}){let n=`/children/${encodeURIComponent(e.id)}`;return o(`nav`,{class:`actions`,"aria-label":e.name,children:[o(`a`,{class:`btn action`,href:`${n}/report`,children:[o(w,{name:`message`}),` `,t(`reportAbsence`)]}),o(`a`,{class:`btn action`,href:`${n}/morning`,children:[o(w,{name:`thermo`}),` `,t(`morningCheck`)]}),o(`a`,{class:`btn action`,href:`${n}/notebook`,children:[o(w,{name:`book`}),` `,t(`notebook`)]}),o(`a`,{class:`btn action`,href:`${n}/month`,children:[o(w,{name:`calendar`}),` `,t(`monthView`)]}),o(`a`,{class:`btn action`,href:`${n}/growth`,children:[o(w,{name:`chart`}),` `,t(`growth`)]})]})}function q(e){let t=e.trim().split(/[ \u3000]/);return t[t.length-1]??e}function je({child:e}){let n=A(e),r=`/children/${encodeURIComponent(e.id)}`,i=e.healthChecks.find(e=>e.source===`HOME`&&e.temperatureC!=null);return o(`section`,{class:`card child`,"aria-labelledby":`c-${e.id}`,"data-testid":`child-card`,"data-child":e.id,children:[o(`a`,{class:`child-head`,href:r,children:[o(`h2`,{id:`c-${e.id}`,children:e.name}),o(`span`,{class:`muted`,children:e.classroom.name})]}),o(j,{state:n}),e.absences.map(e=>o(`p`,{class:`report-line`,children:[o(`span`,{children:[t(`kind${e.kind}`),e.symptoms.length>0&&`（${e.symptoms.map(e=>t(`symptom${e}`)).join(`・`)}）`]}),o(M,{acknowledgedAt:e.acknowledgedAt})]},e.id)),o(`p`,{class:`muted small`,children:i?t(`morningSent`,{temp:i.temperatureC.toFixed(1)}):t(`morningNotSent`)}),o(K,{child:e})]})}var J=[`BREAKFAST`,`MORNING_SNACK`,`LUNCH`,`AFTERNOON_SNACK`];function Me({child:e}){let n=[...e.meals].sort((e,t)=>J.indexOf(e.meal)-J.indexOf(t.meal)),r=!e.healthChecks.length&&!n.length&&!e.naps.length;return o(`section`,{class:`card`,"data-testid":`care-today`,children:[o(`h2`,{children:t(`careToday`)}),r&&o(`p`,{class:`muted`,children:t(`careNothing`)}),o(`ul`,{class:`timeline`,children:[e.healthChecks.map(e=>o(`li`,{class:e.fever?`fever-line`:void 0,children:[o(w,{name:e.fever?`alert`:`thermo`}),o(`span`,{children:[t(`careTemp`,{time:S(e.recordedAt),temp:e.temperatureC?.toFixed(1)??`—`}),e.fever&&o(`strong`,{children:[` `,t(`careFever`)]})]})]},e.id)),n.map(e=>o(`li`,{children:[o(w,{name:`check`}),o(`span`,{children:t(`careMealLine`,{meal:t(`meal${e.meal}`),amount:t(`ate${e.amount}`)})})]},e.id)),e.naps.map(e=>o(`li`,{children:[o(w,{name:`clock`}),o(`span`,{children:e.endedAt?t(`careNap`,{from:S(e.startedAt),to:S(e.endedAt)}):t(`careNapNow`,{from:S(e.startedAt)})})]},e.id))]})]})}function Ne({child:e}){let n=A(e),i=r.value;return o(D,{title:e.name,back:`/`,children:[o(`p`,{class:`today`,children:T(C(),i)}),o(G,{childId:e.id}),o(`section`,{class:`card`,"data-testid":`child-day`,children:[o(`h2`,{class:`visually-hidden`,children:t(`childDay`)}),o(j,{state:n}),o(`ol`,{class:`timeline`,children:e.attendance.map(e=>o(`li`,{children:[o(w,{name:e.kind===`CHECK_IN`?`check`:`home`}),o(`span`,{children:e.kind===`CHECK_IN`?t(`arrivedBy`,{time:S(e.occurredAt),by:e.recordedBy.displayName}):e.pickupBy?t(`leftPickup`,{time:S(e.occurredAt),who:e.pickupBy}):t(`left`,{time:S(e.occurredAt)})})]},e.id))})]}),o(Me,{child:e}),e.absences.length>0&&o(`section`,{class:`card`,children:[o(`h2`,{children:t(`todaysReports`)}),e.absences.map(e=>o(`div`,{class:`report-line`,"data-testid":`report`,children:[o(`span`,{children:[o(`strong`,{children:t(`kind${e.kind}`)}),` `,t(`reason${e.reason}`),e.symptoms.length>0&&`（${e.symptoms.map(e=>t(`symptom${e}`)).join(`・`)}）`,e.expectedArrival&&` ${S(e.expectedArrival)}`]}),o(M,{acknowledgedAt:e.acknowledgedAt})]},e.id))]}),o(K,{child:e})]})}var Y=340,X=220,Z={left:36,right:36,top:12,bottom:28};function Pe(e,t){let n=Math.floor(Math.min(...e)/t)*t,r=Math.ceil(Math.max(...e)/t)*t;return n===r?[n-t,r+t]:[n,r]}function Fe({child:i}){let[s,u]=n(null),[d,f]=n(null);a(()=>{c(ue,{id:i.id}).then(e=>u(e.child?.growth??[])).catch(e=>f(e instanceof l&&e.transient?t(`errorOffline`):t(`errorGeneric`)))},[i.id]);let p=r.value;return o(D,{title:t(`growth`),back:`/children/${encodeURIComponent(i.id)}`,children:[o(`p`,{class:`form-child`,children:i.name}),d&&o(`p`,{class:`error`,children:d}),!s&&!d&&o(`p`,{children:t(`loading`)}),s&&s.length===0&&o(`p`,{class:`muted`,children:t(`growthEmpty`)}),s&&s.length>0&&o(e,{children:[o(`section`,{class:`card`,children:[o(Ie,{records:s}),o(`p`,{class:`legend`,children:[o(`span`,{class:`key height`,children:[`━ `,t(`height`),` (cm)`]}),o(`span`,{class:`key weight`,children:[`╍ `,t(`weight`),` (kg)`]})]})]}),o(`section`,{class:`card`,children:[o(`table`,{class:`growth-table`,children:[o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:t(`measuredOn`)}),o(`th`,{scope:`col`,children:t(`height`)}),o(`th`,{scope:`col`,children:t(`weight`)}),o(`th`,{scope:`col`,children:t(`kaup`)})]})}),o(`tbody`,{children:[...s].reverse().map(e=>o(`tr`,{children:[o(`td`,{children:T(e.measuredOn,p)}),o(`td`,{children:e.heightCm==null?`—`:`${e.heightCm.toFixed(1)} cm`}),o(`td`,{children:e.weightKg==null?`—`:`${e.weightKg.toFixed(1)} kg`}),o(`td`,{"data-testid":`kaup`,children:e.kaupIndex==null?`—`:e.kaupIndex.toFixed(1)})]},e.id))})]}),o(`p`,{class:`muted small`,children:t(`kaupNote`)})]})]})]})}function Ie({records:e}){let n=e.map(e=>Date.parse(`${e.measuredOn}T00:00:00Z`)),r=Math.min(...n),i=Math.max(...n),a=e=>Z.left+(e-r)/Math.max(1,i-r)*(Y-Z.left-Z.right),s=e.filter(e=>e.heightCm!=null),c=e.filter(e=>e.weightKg!=null),[l,u]=Pe(s.length?s.map(e=>e.heightCm):[50,100],5),[d,f]=Pe(c.length?c.map(e=>e.weightKg):[3,20],1),p=e=>Z.top+(1-(e-l)/(u-l))*(X-Z.top-Z.bottom),m=e=>Z.top+(1-(e-d)/(f-d))*(X-Z.top-Z.bottom),h=(e,t,n)=>e.map((e,r)=>`${r?`L`:`M`}${a(Date.parse(`${e.measuredOn}T00:00:00Z`)).toFixed(1)},${n(t(e)).toFixed(1)}`).join(` `),g=e[0].measuredOn,_=e[e.length-1].measuredOn,v=`${t(`height`)} ${s[0]?.heightCm??``}→${s[s.length-1]?.heightCm??``} cm, ${t(`weight`)} ${c[0]?.weightKg??``}→${c[c.length-1]?.weightKg??``} kg`;return o(`svg`,{class:`chart`,viewBox:`0 0 ${Y} ${X}`,role:`img`,"aria-label":v,children:[o(`line`,{x1:Z.left,y1:X-Z.bottom,x2:Y-Z.right,y2:X-Z.bottom,class:`axis`}),o(`line`,{x1:Z.left,y1:Z.top,x2:Z.left,y2:X-Z.bottom,class:`axis`}),o(`line`,{x1:Y-Z.right,y1:Z.top,x2:Y-Z.right,y2:X-Z.bottom,class:`axis`}),o(`text`,{x:Z.left-4,y:p(u)+4,class:`tick end`,children:u}),o(`text`,{x:Z.left-4,y:p(l),class:`tick end`,children:l}),o(`text`,{x:Y-Z.right+4,y:m(f)+4,class:`tick`,children:f}),o(`text`,{x:Y-Z.right+4,y:m(d),class:`tick`,children:d}),o(`text`,{x:Z.left,y:212,class:`tick`,children:g.slice(0,7)}),o(`text`,{x:Y-Z.right,y:212,class:`tick end`,children:_.slice(0,7)}),o(`path`,{d:h(s,e=>e.heightCm,p),class:`series height`}),o(`path`,{d:h(c,e=>e.weightKg,m),class:`series weight`}),s.map(e=>o(`circle`,{cx:a(Date.parse(`${e.measuredOn}T00:00:00Z`)),cy:p(e.heightCm),r:`3`,class:`dot height`},`h${e.id}`)),c.map(e=>o(`rect`,{x:a(Date.parse(`${e.measuredOn}T00:00:00Z`))-3,y:m(e.weightKg)-3,width:`6`,height:`6`,class:`dot weight`},`w${e.id}`))]})}var Le={PRESENT:{icon:`check`,cls:`st-present`,key:`present`},ABSENT:{icon:`cross`,cls:`st-absent`,key:`absent`},LATE:{icon:`clock`,cls:`st-late`,key:`late`}};function Re({child:i}){let[s,u]=n(E(C())),[d,f]=n(null),[p,m]=n(null),{dates:h,firstWeekday:g}=b(s);a(()=>{f(null),c(le,{id:i.id,from:h[0],to:h[h.length-1]}).then(e=>f(e.child)).catch(e=>m(e instanceof l&&e.transient?t(`errorOffline`):t(`errorGeneric`)))},[i.id,s]);let x=d?ne(h,d.attendance,d.absences,y):{},S=e=>Object.values(x).filter(t=>t===e).length,T=r.value,ee=T===`ja`?[`日`,`月`,`火`,`水`,`木`,`金`,`土`]:[`Sun`,`Mon`,`Tue`,`Wed`,`Thu`,`Fri`,`Sat`],te=s>=E(C());return o(D,{title:t(`monthView`),back:`/children/${encodeURIComponent(i.id)}`,children:[o(`p`,{class:`form-child`,children:i.name}),o(`div`,{class:`month-nav`,children:[o(`button`,{class:`btn small`,onClick:()=>u(_(s,-1)),"aria-label":t(`prevMonth`),children:`‹`}),o(`h2`,{"aria-live":`polite`,children:v(s,T)}),o(`button`,{class:`btn small`,onClick:()=>u(_(s,1)),"aria-label":t(`nextMonth`),disabled:te,children:`›`})]}),p&&o(`p`,{class:`error`,children:p}),o(`p`,{class:`muted`,"data-testid":`month-summary`,children:d?t(`monthSummary`,{present:S(`PRESENT`)+S(`LATE`),absent:S(`ABSENT`),late:S(`LATE`)}):t(`loading`)}),o(`table`,{class:`calendar`,children:[o(`thead`,{children:o(`tr`,{children:ee.map(e=>o(`th`,{scope:`col`,children:e},e))})}),o(`tbody`,{children:ze(h,g).map((n,r)=>o(`tr`,{children:n.map((n,r)=>{let i=n?x[n]:void 0,a=i?Le[i]:null;return o(`td`,{class:a?a.cls:``,children:n&&o(e,{children:[o(`span`,{class:`day-number`,children:Number(n.slice(8))}),a&&o(`span`,{class:`day-mark`,children:[o(w,{name:a.icon,size:16}),o(`span`,{class:`mark-text`,children:t(a.key)})]})]})},r)})},r))})]})]})}function ze(e,t){let n=[...Array(t).fill(null),...e];for(;n.length%7;)n.push(null);let r=[];for(let e=0;e<n.length;e+=7)r.push(n.slice(e,e+7));return r}function Q({legend:e,name:n,options:r,label:i,value:a,onChange:s,multiple:c=!1}){let l=e=>Array.isArray(a)?a.includes(e):a===e;return o(`fieldset`,{class:`choices`,children:[o(`legend`,{children:e}),o(`div`,{class:`chips`,children:r.map(e=>o(`label`,{class:l(e)?`chip on`:`chip`,children:[o(`input`,{type:c?`checkbox`:`radio`,name:n,value:e,checked:l(e),onChange:()=>s(e)}),o(`span`,{children:t(i(e))})]},e))})]})}var Be=[`ALL`,`MOST`,`HALF`,`LITTLE`,`NONE`];function Ve({child:e}){let[r,i]=n(`36.5`),[a,d]=n(null),[f,p]=n(null),[m,h]=n(!1),g=s(()=>({health:k(),meal:k()}),[]);return o(D,{title:t(`morningCheck`),back:`/`,children:o(`form`,{class:`card form`,onSubmit:async n=>{n.preventDefault();let i=Number(r.replace(`,`,`.`));if(!Number.isFinite(i))p(t(`required`));else{h(!0),p(null);try{let t=await c(he,{input:{childId:e.id,temperatureC:Math.round(i*10)/10,idempotencyKey:g.health}}),n=null;a&&(n=(await c(ge,{input:{childId:e.id,date:C(),meal:`BREAKFAST`,amount:a,idempotencyKey:g.meal}})).recordMeal),we(e.id,e=>({...e,healthChecks:[...e.healthChecks.filter(e=>e.id!==t.recordHealthCheck.id),t.recordHealthCheck],meals:n?[...e.meals,n]:e.meals})),u(`/`)}catch(e){p(e instanceof l&&e.transient?t(`errorOffline`):e instanceof l?e.message:t(`errorGeneric`))}finally{h(!1)}}},children:[o(`p`,{class:`form-child`,children:e.name}),o(`label`,{class:`field big`,children:[o(`span`,{children:t(`temperature`)}),o(`input`,{type:`number`,name:`temperature`,inputMode:`decimal`,step:`0.1`,min:`34`,max:`42.5`,value:r,onInput:e=>i(e.currentTarget.value),required:!0})]}),o(Q,{legend:t(`breakfast`),name:`breakfast`,options:Be,label:e=>`amount${e}`,value:a,onChange:d}),f&&o(`p`,{class:`error`,role:`alert`,children:f}),o(`button`,{class:`btn primary wide`,type:`submit`,disabled:m,children:t(`send`)})]})})}var He=[[`arrival`,`secArrival`],[`temperature`,`secTemperature`],[`meals`,`secMeals`],[`nap`,`secNap`],[`mood`,`secMood`],[`activities`,`secActivities`],[`message`,`secMessage`]],Ue=[[`sleep`,`homeSleep`],[`mood`,`homeMood`],[`breakfast`,`homeBreakfast`],[`message`,`homeMessage`]];function $(e){try{let t=JSON.parse(e);return{nursery:t.nursery??{},home:t.home??{}}}catch{return{nursery:{},home:{}}}}function We({child:i}){let[s,u]=n(null),[d,f]=n(null);a(()=>{let e=C();c(de,{nurseryId:i.nurseryId,from:x(e,-30),to:e}).then(e=>u(e.journals.filter(e=>e.child?.id===i.id))).catch(e=>f(e instanceof l&&e.transient?t(`errorOffline`):t(`errorGeneric`)))},[i.id]);let p=r.value;return o(D,{title:t(`notebook`),back:`/children/${encodeURIComponent(i.id)}`,children:[o(`p`,{class:`form-child`,children:i.name}),o(Ge,{child:i}),d&&o(`p`,{class:`error`,children:d}),s&&s.length===0&&o(`p`,{class:`muted`,children:t(`notebookEmpty`)}),s?.map(n=>{let{nursery:r,home:i}=$(n.body);return o(`article`,{class:`card notebook-page`,"data-testid":`notebook-page`,children:[o(`h2`,{children:T(n.periodStart,p)}),o(`h3`,{children:t(`notebookNursery`)}),o(`dl`,{children:He.filter(([e])=>r[e]!=null&&r[e]!==``).map(([e,n])=>o(`div`,{children:[o(`dt`,{children:t(n)}),o(`dd`,{children:String(r[e])})]},e))}),Object.values(i).some(e=>e!=null&&e!==``)&&o(e,{children:[o(`h3`,{children:t(`notebookHome`)}),o(`dl`,{children:Ue.filter(([e])=>i[e]!=null&&i[e]!==``).map(([e,n])=>o(`div`,{children:[o(`dt`,{children:t(n)}),o(`dd`,{children:String(i[e])})]},e))})]})]},n.id)})]})}function Ge({child:e}){let i=`tsunagu.notebook.${e.id}`,[s,u]=n({}),[d,f]=n(null),[p,m]=n(!1),h=C(),g=()=>{try{let e=JSON.parse(localStorage.getItem(i)??`null`);return e&&e.date===h?e:null}catch{return null}};return a(()=>{let e=g();e&&c(fe,{id:e.id}).then(t=>{if(!t.journal)return;localStorage.setItem(i,JSON.stringify({...e,revision:t.journal.revision}));let n=$(t.journal.body).home;u(Object.fromEntries(Object.entries(n).map(([e,t])=>[e,t==null?``:String(t)])))}).catch(()=>{})},[e.id]),o(`form`,{class:`card form`,onSubmit:async n=>{n.preventDefault(),m(!0),f(null);let r=Object.fromEntries(Object.entries(s).filter(([,e])=>e.trim()!==``)),a=g();try{let n=await c(pe,{input:{journalId:a?.id??null,revision:a?.revision??null,kind:`CONTACT_NOTEBOOK`,childId:e.id,periodStart:h,periodEnd:h,body:JSON.stringify({home:r})}});localStorage.setItem(i,JSON.stringify({id:n.saveJournalDraft.id,revision:n.saveJournalDraft.revision,date:h})),f(t(`notebookSaved`))}catch(e){f(e instanceof l&&e.transient?t(`errorOffline`):e instanceof l?e.message:t(`errorGeneric`))}finally{m(!1)}},children:[o(`h2`,{children:t(`writeHome`)}),o(`p`,{class:`muted`,children:T(h,r.value)}),Ue.map(([e,n])=>o(`label`,{class:`field`,children:[o(`span`,{children:t(n)}),e===`message`?o(`textarea`,{name:e,rows:3,maxLength:4e3,value:s[e]??``,onInput:t=>u({...s,[e]:t.currentTarget.value})}):o(`input`,{name:e,maxLength:200,value:s[e]??``,onInput:t=>u({...s,[e]:t.currentTarget.value})})]},e)),d&&o(`p`,{class:`note`,role:`status`,children:d}),o(`button`,{class:`btn primary wide`,type:`submit`,disabled:p,children:t(`save`)})]})}var Ke=[`ABSENCE`,`LATE`,`EARLY_PICKUP`],qe=[`ILLNESS`,`FAMILY`,`MEDICAL_APPOINTMENT`,`OTHER`],Je=[`FEVER`,`COUGH`,`RUNNY_NOSE`,`DIARRHEA`,`VOMITING`,`RASH`,`CONJUNCTIVITIS`,`OTHER`];function Ye({child:e}){let[r,i]=n(`ABSENCE`),[a,d]=n(`ILLNESS`),[f,p]=n([]),[m,h]=n(C()),[g,_]=n(`09:30`),[v,y]=n(``),[b,x]=n(null),[S,w]=n(!1),T=s(()=>k(),[]);return o(D,{title:t(`reportAbsence`),back:`/children/${encodeURIComponent(e.id)}`,children:o(`form`,{class:`card form`,onSubmit:async n=>{n.preventDefault(),w(!0),x(null);try{let t=await c(me,{input:{childId:e.id,kind:r,date:m,reason:a,symptoms:a===`ILLNESS`?f:[],expectedArrival:r===`ABSENCE`?null:te(m,g),note:v.trim()||null,idempotencyKey:T}});m===C()&&W(e.id,t.reportAbsence),u(`/children/${encodeURIComponent(e.id)}`)}catch(e){x(e instanceof l&&e.transient?t(`errorOffline`):e instanceof l?e.message:t(`errorGeneric`))}finally{w(!1)}},children:[o(`p`,{class:`form-child`,children:e.name}),o(Q,{legend:t(`kind`),name:`kind`,options:Ke,label:e=>`kind${e}`,value:r,onChange:i}),o(`label`,{class:`field`,children:[o(`span`,{children:t(`date`)}),o(`input`,{type:`date`,name:`date`,value:m,min:C(),onInput:e=>h(e.currentTarget.value),required:!0})]}),r!==`ABSENCE`&&o(`label`,{class:`field`,children:[o(`span`,{children:t(r===`LATE`?`expectedArrival`:`pickupTime`)}),o(`input`,{type:`time`,name:`time`,value:g,onInput:e=>_(e.currentTarget.value),required:!0})]}),o(Q,{legend:t(`reason`),name:`reason`,options:qe,label:e=>`reason${e}`,value:a,onChange:d}),a===`ILLNESS`&&o(Q,{legend:t(`symptoms`),name:`symptoms`,options:Je,label:e=>`symptom${e}`,value:f,onChange:e=>p(t=>t.includes(e)?t.filter(t=>t!==e):[...t,e]),multiple:!0}),o(`label`,{class:`field`,children:[o(`span`,{children:t(`note`)}),o(`textarea`,{name:`note`,rows:3,maxLength:1e3,placeholder:t(`notePlaceholder`),value:v,onInput:e=>y(e.currentTarget.value)})]}),b&&o(`p`,{class:`error`,role:`alert`,children:b}),o(`button`,{class:`btn primary wide`,type:`submit`,disabled:S,children:t(`send`)})]})})}function Xe(){a(()=>Te(),[]);let e=p.value;if(e===`/settings`)return o(g,{});if(e===`/account`)return o(h,{path:e});let n=f(e);if(!n)return o(ke,{});let r=N.value?.find(e=>e.id===n.childId);if(!r)return o(D,{title:t(`appName`),back:`/`,children:o(`p`,{children:t(`loading`)})});switch(n.section){case`report`:case`absences-new`:return o(Ye,{child:r});case`morning`:return o(Ve,{child:r});case`notebook`:return o(We,{child:r});case`month`:return o(Re,{child:r});case`growth`:return o(Fe,{child:r});default:return o(Ne,{child:r})}}export{Xe as GuardianApp};