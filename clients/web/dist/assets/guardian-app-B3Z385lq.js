import{d as e,i as t,l as n,n as r,o as i,s as a,t as o,u as s}from"./jsxRuntime-CwlHkL6Z.js";import{C as c,S as l,a as u,h as d,i as f,o as p,y as m}from"./index-Bc8s_29E.js";import{AccountScreen as h}from"./account-screens-BYrvdtyk.js";import{Settings as g}from"./settings-DEc3D3sD.js";import{a as _,c as v,d as y,f as b,h as x,i as S,l as C,m as w,n as T,o as E,p as D,r as O,t as k,u as ee}from"./shell-DQfVQozL.js";import{a as A,c as te,d as j,f as M,i as N,l as ne,p as re,r as P,s as F,u as ie}from"./queue-p-M8vcnJ.js";var ae=new d(`
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
      pickupPlan {
        ...PickupPlanFields
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
  updatedAt
  withdrawnAt
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
}
fragment PickupPlanFields on PickupPlan {
  date
  time
  name
  confirmed
  child {
    id
  }
  person {
    id
    relation
  }
  oneOff {
    name
    relation
    phone
    confirmed
  }
}`),oe=new d(`
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
    `),se=new d(`
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
    `),ce=new d(`
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
    `),le=new d(`
    query JournalById($id: ID!) {
  journal(id: $id) {
    id
    revision
    status
    body
    periodStart
  }
}
    `),ue=new d(`
    mutation SaveNotebookHome($input: JournalDraftInput!) {
  saveJournalDraft(input: $input) {
    id
    revision
    status
    body
    periodStart
  }
}
    `),de=new d(`
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
  updatedAt
  withdrawnAt
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
}`),fe=new d(`
    mutation UpdateAbsence($id: ID!, $input: AbsenceUpdateInput!) {
  updateAbsence(id: $id, input: $input) {
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
  updatedAt
  withdrawnAt
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
}`),pe=new d(`
    mutation WithdrawAbsence($id: ID!) {
  withdrawAbsence(id: $id) {
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
  updatedAt
  withdrawnAt
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
}`),me=new d(`
    mutation RecordHealthCheck($input: HealthCheckInput!) {
  recordHealthCheck(input: $input) {
    id
    recordedAt
    temperatureC
    fever
    source
  }
}
    `),he=new d(`
    mutation RecordMeal($input: MealInput!) {
  recordMeal(input: $input) {
    id
    date
    meal
    amount
  }
}
    `),ge=new d(`
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
  updatedAt
  withdrawnAt
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
}`),_e=new d(`
    query GuardianPickup($childId: ID!) {
  child(id: $childId) {
    id
    family {
      id
      pickupPeople {
        ...PickupPersonFields
      }
    }
    pickupPlan {
      ...PickupPlanFields
    }
  }
}
    fragment PickupPersonFields on PickupPerson {
  id
  name
  relation
  phone
  confirmed
}
fragment PickupPlanFields on PickupPlan {
  date
  time
  name
  confirmed
  child {
    id
  }
  person {
    id
    relation
  }
  oneOff {
    name
    relation
    phone
    confirmed
  }
}`),ve=new d(`
    mutation AddPickupPerson($familyId: ID!, $input: PickupPersonInput!) {
  addPickupPerson(familyId: $familyId, input: $input) {
    ...PickupPersonFields
  }
}
    fragment PickupPersonFields on PickupPerson {
  id
  name
  relation
  phone
  confirmed
}`),ye=new d(`
    mutation RemovePickupPerson($id: ID!) {
  removePickupPerson(id: $id) {
    id
  }
}
    `),be=new d(`
    mutation SetPickupPlan($input: PickupPlanInput!) {
  setPickupPlan(input: $input) {
    ...PickupPlanFields
  }
}
    fragment PickupPlanFields on PickupPlan {
  date
  time
  name
  confirmed
  child {
    id
  }
  person {
    id
    relation
  }
  oneOff {
    name
    relation
    phone
    confirmed
  }
}`),xe=new d(`
    mutation ClearPickupPlan($childId: ID!, $date: Date!) {
  clearPickupPlan(childId: $childId, date: $date)
}
    `);function I(e){return A(e.attendance,e.absences)}function Se(e){switch(e.status){case`PRESENT`:return{cls:`st-present`,icon:`check`,text:e.by?t(`arrivedBy`,{time:C(e.at),by:e.by}):t(`arrived`,{time:C(e.at)})};case`LEFT`:return{cls:`st-left`,icon:`home`,text:e.pickupBy?t(`leftPickup`,{time:C(e.at),who:e.pickupBy}):t(`left`,{time:C(e.at)})};case`ABSENT`:return{cls:`st-absent`,icon:`cross`,text:t(`absentReported`)};case`LATE`:return{cls:`st-late`,icon:`clock`,text:e.at?t(`lateExpected`,{time:C(e.at)}):t(`kindLATE`)};default:return{cls:`st-none`,icon:`dash`,text:t(`notYet`)}}}function Ce({state:e}){let t=Se(e);return o(`p`,{class:`badge ${t.cls}`,"data-testid":`child-status`,children:[o(T,{name:t.icon,size:22}),o(`span`,{children:t.text})]})}function we({acknowledgedAt:e}){return e?o(`span`,{class:`ack yes`,"data-testid":`ack`,children:[o(T,{name:`check`,size:18}),` `,t(`acknowledgedAt`,{time:C(e)})]}):o(`span`,{class:`ack no`,"data-testid":`ack`,children:[o(T,{name:`clock`,size:18}),` `,t(`awaitingAck`)]})}var L=i(Oe()),Te=i(null),R=i([]);function Ee(e){R.value=R.value.filter(t=>t.id!==e)}var z=i([]),B=`tsunagu.cursor`,De=`tsunagu.home`,V=``,H=null;function Oe(){try{let e=localStorage.getItem(De);if(!e)return null;let t=JSON.parse(e);return t.date===x()?t.children:null}catch{return null}}function ke(e){try{localStorage.setItem(De,JSON.stringify({date:x(),children:e}))}catch{}}function U(e){L.value=e,ke(e)}async function W(e=!1){let t=x();try{let n=await c(ae,{from:t,to:t}),r=new Set((L.value??[]).flatMap(e=>e.attendance.map(e=>e.id))),i=V!==t;if(V=t,!i)for(let t of n.me.children)for(let n of t.attendance)!r.has(n.id)&&(e||Date.parse(n.occurredAt)<Date.now()-15e3)&&Ae(n);U(n.me.children),Te.value=null}catch(e){Te.value=e instanceof Error?e.message:String(e)}}function Ae(e){z.value.some(t=>t.id===e.id)||(z.value=[...z.value,e])}function je(){z.value=[]}function Me(e,t){localStorage.setItem(B,e.cursor);let n=L.value;if(!n||b(e.occurredAt)!==x())return;let r=n.find(t=>t.id===e.child.id);if(!r)return;if(e.corrects){U(n.map(t=>t===r?{...t,attendance:F(t.attendance,e)}:t));return}if(r.attendance.some(t=>t.id===e.id))return;let i=!O.value||document.visibilityState===`hidden`;(t===null?i:Date.parse(e.occurredAt)<=t)&&Ae(e),U(n.map(t=>t===r?{...t,attendance:F(t.attendance,e)}:t))}function G(e,t){let n=L.value;n&&U(n.map(n=>n.id===e?{...n,absences:te(n.absences,t)}:n))}function K(e,t){let n=L.value;n&&U(n.map(n=>n.id===e?t(n):n))}function Ne(){if(H)return;let e=!1;H=()=>{e=!0},c(j).then(e=>localStorage.setItem(B,e.liveCursor)).catch(()=>{}).then(()=>W()).then(()=>{e||(H=Pe())}),setInterval(()=>{document.visibilityState===`visible`&&V!==x()&&W()},6e4),window.addEventListener(`online`,Fe),document.addEventListener(`visibilitychange`,Ie)}function Pe(){let e=m(re,()=>({after:localStorage.getItem(B)}),(e,t)=>Me(e.attendanceEvents,t)),t=m(M,()=>({}),e=>{let t=e.careAlerts;t.kind===`FEVER`&&!R.value.some(e=>e.id===t.id)&&(R.value=[...R.value,{id:t.id,childId:t.child.id,name:t.child.name}]),W()}),n=m(ge,()=>({}),e=>{let t=e.absenceUpdates;t.date===x()&&G(t.child.id,t)}),r=m(ie,()=>({}),e=>{let t=e.pickupPlanUpdates;t.date===x()&&K(t.child.id,e=>({...e,pickupPlan:t.plan??null}))});return()=>{e(),t(),n(),r()}}function Fe(){W(!0)}function Ie(){document.visibilityState===`visible`&&W(!0)}function Le({childId:e}){let n=R.value.filter(t=>!e||t.childId===e);return n.length?o(`section`,{class:`card notice`,role:`alert`,"data-testid":`notice`,children:n.map(e=>o(`div`,{class:`notice-line`,children:[o(`p`,{children:[o(`strong`,{children:t(`pushFeverTitle`)}),o(`br`,{}),t(`pushFeverBody`,{name:Ve(e.name)})]}),o(`button`,{class:`btn small`,onClick:()=>Ee(e.id),children:t(`close`)})]},e.id))}):null}function Re(){let e=L.value;return o(k,{title:t(`appName`),children:[o(`p`,{class:`today`,children:t(`todayIs`,{date:E(x(),r.value)})}),o(Le,{}),o(ze,{}),!e&&o(`p`,{children:t(`loading`)}),e&&e.length===0&&o(`p`,{children:t(`noChildren`)}),e?.map(e=>o(He,{child:e},e.id))]})}function ze(){let e=z.value;if(!e.length)return null;let n=e=>Ve(L.value?.find(t=>t.id===e)?.name??``);return o(`section`,{class:`card missed`,"aria-labelledby":`missed-title`,"data-testid":`missed`,children:[o(`h2`,{id:`missed-title`,children:[o(T,{name:`bell`}),` `,t(`missedTitle`)]}),o(`ul`,{children:e.map(e=>o(`li`,{children:t(e.kind===`CHECK_IN`?`missedArrived`:`missedLeft`,{name:n(e.child.id),time:C(e.occurredAt)})},e.id))}),o(`button`,{class:`btn small`,onClick:je,children:t(`close`)})]})}function Be({child:e}){let n=`/children/${encodeURIComponent(e.id)}`;return o(`nav`,{class:`actions`,"aria-label":e.name,children:[o(`a`,{class:`btn action`,href:`${n}/pickup`,"data-testid":`pickup-link`,children:[o(T,{name:`person`}),` `,N(`pickup`)]}),o(`a`,{class:`btn action`,href:`${n}/report`,children:[o(T,{name:`message`}),` `,t(`reportAbsence`)]}),o(`a`,{class:`btn action`,href:`${n}/morning`,children:[o(T,{name:`thermo`}),` `,t(`morningCheck`)]}),o(`a`,{class:`btn action`,href:`${n}/notebook`,children:[o(T,{name:`book`}),` `,t(`notebook`)]}),o(`a`,{class:`btn action`,href:`${n}/month`,children:[o(T,{name:`calendar`}),` `,t(`monthView`)]}),o(`a`,{class:`btn action`,href:`${n}/growth`,children:[o(T,{name:`chart`}),` `,t(`growth`)]})]})}function Ve(e){let t=e.trim().split(/[ \u3000]/);return t[t.length-1]??e}function He({child:e}){let n=I(e),r=`/children/${encodeURIComponent(e.id)}`,i=e.healthChecks.find(e=>e.source===`HOME`&&e.temperatureC!=null);return o(`section`,{class:`card child`,"aria-labelledby":`c-${e.id}`,"data-testid":`child-card`,"data-child":e.id,children:[o(`a`,{class:`child-head`,href:r,children:[o(`h2`,{id:`c-${e.id}`,children:e.name}),o(`span`,{class:`muted`,children:e.classroom.name})]}),o(Ce,{state:n}),e.absences.map(n=>o(`p`,{class:`report-line`,children:[o(`span`,{children:[t(`kind${n.kind}`),n.symptoms.length>0&&`（${n.symptoms.map(e=>t(`symptom${e}`)).join(`・`)}）`]}),o(we,{acknowledgedAt:n.acknowledgedAt}),!n.acknowledgedAt&&o(`a`,{class:`btn small`,href:`/children/${encodeURIComponent(e.id)}/report/${encodeURIComponent(n.id)}`,"data-testid":`change-report`,children:t(`changeReport`)})]},n.id)),e.pickupPlan&&o(`p`,{class:`plan-line`,"data-testid":`plan-line`,children:[o(T,{name:`person`,size:18}),` `,N(`planLine`,{time:e.pickupPlan.time,name:e.pickupPlan.name}),` `,o(`span`,{class:e.pickupPlan.confirmed?`mark ok`:`mark waiting`,children:N(e.pickupPlan.confirmed?`confirmed`:`unconfirmed`)})]}),o(`p`,{class:`muted small`,children:i?t(`morningSent`,{temp:i.temperatureC.toFixed(1)}):t(`morningNotSent`)}),o(Be,{child:e})]})}var Ue=[`BREAKFAST`,`MORNING_SNACK`,`LUNCH`,`AFTERNOON_SNACK`];function We({child:e}){let n=[...e.meals].sort((e,t)=>Ue.indexOf(e.meal)-Ue.indexOf(t.meal)),r=!e.healthChecks.length&&!n.length&&!e.naps.length;return o(`section`,{class:`card`,"data-testid":`care-today`,children:[o(`h2`,{children:t(`careToday`)}),r&&o(`p`,{class:`muted`,children:t(`careNothing`)}),o(`ul`,{class:`timeline`,children:[e.healthChecks.map(e=>o(`li`,{class:e.fever?`fever-line`:void 0,children:[o(T,{name:e.fever?`alert`:`thermo`}),o(`span`,{children:[t(`careTemp`,{time:C(e.recordedAt),temp:e.temperatureC?.toFixed(1)??`—`}),e.fever&&o(`strong`,{children:[` `,t(`careFever`)]})]})]},e.id)),n.map(e=>o(`li`,{children:[o(T,{name:`check`}),o(`span`,{children:t(`careMealLine`,{meal:t(`meal${e.meal}`),amount:t(`ate${e.amount}`)})})]},e.id)),e.naps.map(e=>o(`li`,{children:[o(T,{name:`clock`}),o(`span`,{children:e.endedAt?t(`careNap`,{from:C(e.startedAt),to:C(e.endedAt)}):t(`careNapNow`,{from:C(e.startedAt)})})]},e.id))]})]})}function Ge({child:e}){let n=I(e),i=r.value;return o(k,{title:e.name,back:`/`,children:[o(`p`,{class:`today`,children:E(x(),i)}),o(Le,{childId:e.id}),o(`section`,{class:`card`,"data-testid":`child-day`,children:[o(`h2`,{class:`visually-hidden`,children:t(`childDay`)}),o(Ce,{state:n}),o(`ol`,{class:`timeline`,children:e.attendance.map(e=>o(`li`,{children:[o(T,{name:e.kind===`CHECK_IN`?`check`:`home`}),o(`span`,{children:e.kind===`CHECK_IN`?t(`arrivedBy`,{time:C(e.occurredAt),by:e.recordedBy.displayName}):e.pickupBy?t(`leftPickup`,{time:C(e.occurredAt),who:e.pickupBy}):t(`left`,{time:C(e.occurredAt)})})]},e.id))})]}),o(We,{child:e}),e.absences.length>0&&o(`section`,{class:`card`,children:[o(`h2`,{children:t(`todaysReports`)}),e.absences.map(n=>o(`div`,{class:`report-line`,"data-testid":`report`,children:[o(`span`,{children:[o(`strong`,{children:t(`kind${n.kind}`)}),` `,t(`reason${n.reason}`),n.symptoms.length>0&&`（${n.symptoms.map(e=>t(`symptom${e}`)).join(`・`)}）`,n.expectedArrival&&` ${C(n.expectedArrival)}`]}),o(we,{acknowledgedAt:n.acknowledgedAt}),!n.acknowledgedAt&&o(`a`,{class:`btn small`,href:`/children/${encodeURIComponent(e.id)}/report/${encodeURIComponent(n.id)}`,"data-testid":`change-report`,children:t(`changeReport`)})]},n.id))]}),o(Be,{child:e})]})}var q=340,J=220,Y={left:36,right:36,top:12,bottom:28};function Ke(e,t){let n=Math.floor(Math.min(...e)/t)*t,r=Math.ceil(Math.max(...e)/t)*t;return n===r?[n-t,r+t]:[n,r]}function qe({child:i}){let[s,u]=n(null),[d,f]=n(null);a(()=>{c(se,{id:i.id}).then(e=>u(e.child?.growth??[])).catch(e=>f(e instanceof l&&e.transient?t(`errorOffline`):t(`errorGeneric`)))},[i.id]);let p=r.value;return o(k,{title:t(`growth`),back:`/children/${encodeURIComponent(i.id)}`,children:[o(`p`,{class:`form-child`,children:i.name}),d&&o(`p`,{class:`error`,children:d}),!s&&!d&&o(`p`,{children:t(`loading`)}),s&&s.length===0&&o(`p`,{class:`muted`,children:t(`growthEmpty`)}),s&&s.length>0&&o(e,{children:[o(`section`,{class:`card`,children:[o(Je,{records:s}),o(`p`,{class:`legend`,children:[o(`span`,{class:`key height`,children:[`━ `,t(`height`),` (cm)`]}),o(`span`,{class:`key weight`,children:[`╍ `,t(`weight`),` (kg)`]})]})]}),o(`section`,{class:`card`,children:[o(`table`,{class:`growth-table`,children:[o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:t(`measuredOn`)}),o(`th`,{scope:`col`,children:t(`height`)}),o(`th`,{scope:`col`,children:t(`weight`)}),o(`th`,{scope:`col`,children:t(`kaup`)})]})}),o(`tbody`,{children:[...s].reverse().map(e=>o(`tr`,{children:[o(`td`,{children:E(e.measuredOn,p)}),o(`td`,{children:e.heightCm==null?`—`:`${e.heightCm.toFixed(1)} cm`}),o(`td`,{children:e.weightKg==null?`—`:`${e.weightKg.toFixed(1)} kg`}),o(`td`,{"data-testid":`kaup`,children:e.kaupIndex==null?`—`:e.kaupIndex.toFixed(1)})]},e.id))})]}),o(`p`,{class:`muted small`,children:t(`kaupNote`)})]})]})]})}function Je({records:e}){let n=e.map(e=>Date.parse(`${e.measuredOn}T00:00:00Z`)),r=Math.min(...n),i=Math.max(...n),a=e=>Y.left+(e-r)/Math.max(1,i-r)*(q-Y.left-Y.right),s=e.filter(e=>e.heightCm!=null),c=e.filter(e=>e.weightKg!=null),[l,u]=Ke(s.length?s.map(e=>e.heightCm):[50,100],5),[d,f]=Ke(c.length?c.map(e=>e.weightKg):[3,20],1),p=e=>Y.top+(1-(e-l)/(u-l))*(J-Y.top-Y.bottom),m=e=>Y.top+(1-(e-d)/(f-d))*(J-Y.top-Y.bottom),h=(e,t,n)=>e.map((e,r)=>`${r?`L`:`M`}${a(Date.parse(`${e.measuredOn}T00:00:00Z`)).toFixed(1)},${n(t(e)).toFixed(1)}`).join(` `),g=e[0].measuredOn,_=e[e.length-1].measuredOn,v=`${t(`height`)} ${s[0]?.heightCm??``}→${s[s.length-1]?.heightCm??``} cm, ${t(`weight`)} ${c[0]?.weightKg??``}→${c[c.length-1]?.weightKg??``} kg`;return o(`svg`,{class:`chart`,viewBox:`0 0 ${q} ${J}`,role:`img`,"aria-label":v,children:[o(`line`,{x1:Y.left,y1:J-Y.bottom,x2:q-Y.right,y2:J-Y.bottom,class:`axis`}),o(`line`,{x1:Y.left,y1:Y.top,x2:Y.left,y2:J-Y.bottom,class:`axis`}),o(`line`,{x1:q-Y.right,y1:Y.top,x2:q-Y.right,y2:J-Y.bottom,class:`axis`}),o(`text`,{x:Y.left-4,y:p(u)+4,class:`tick end`,children:u}),o(`text`,{x:Y.left-4,y:p(l),class:`tick end`,children:l}),o(`text`,{x:q-Y.right+4,y:m(f)+4,class:`tick`,children:f}),o(`text`,{x:q-Y.right+4,y:m(d),class:`tick`,children:d}),o(`text`,{x:Y.left,y:212,class:`tick`,children:g.slice(0,7)}),o(`text`,{x:q-Y.right,y:212,class:`tick end`,children:_.slice(0,7)}),o(`path`,{d:h(s,e=>e.heightCm,p),class:`series height`}),o(`path`,{d:h(c,e=>e.weightKg,m),class:`series weight`}),s.map(e=>o(`circle`,{cx:a(Date.parse(`${e.measuredOn}T00:00:00Z`)),cy:p(e.heightCm),r:`3`,class:`dot height`},`h${e.id}`)),c.map(e=>o(`rect`,{x:a(Date.parse(`${e.measuredOn}T00:00:00Z`))-3,y:m(e.weightKg)-3,width:`6`,height:`6`,class:`dot weight`},`w${e.id}`))]})}var Ye={PRESENT:{icon:`check`,cls:`st-present`,key:`present`},ABSENT:{icon:`cross`,cls:`st-absent`,key:`absent`},LATE:{icon:`clock`,cls:`st-late`,key:`late`}};function Xe({child:i}){let[s,u]=n(w(x())),[d,f]=n(null),[p,m]=n(null),{dates:h,firstWeekday:g}=D(s);a(()=>{f(null),c(oe,{id:i.id,from:h[0],to:h[h.length-1]}).then(e=>f(e.child)).catch(e=>m(e instanceof l&&e.transient?t(`errorOffline`):t(`errorGeneric`)))},[i.id,s]);let y=d?ne(h,d.attendance,d.absences,b):{},S=e=>Object.values(y).filter(t=>t===e).length,C=r.value,E=C===`ja`?[`日`,`月`,`火`,`水`,`木`,`金`,`土`]:[`Sun`,`Mon`,`Tue`,`Wed`,`Thu`,`Fri`,`Sat`],O=s>=w(x());return o(k,{title:t(`monthView`),back:`/children/${encodeURIComponent(i.id)}`,children:[o(`p`,{class:`form-child`,children:i.name}),o(`div`,{class:`month-nav`,children:[o(`button`,{class:`btn small`,onClick:()=>u(_(s,-1)),"aria-label":t(`prevMonth`),children:`‹`}),o(`h2`,{"aria-live":`polite`,children:v(s,C)}),o(`button`,{class:`btn small`,onClick:()=>u(_(s,1)),"aria-label":t(`nextMonth`),disabled:O,children:`›`})]}),p&&o(`p`,{class:`error`,children:p}),o(`p`,{class:`muted`,"data-testid":`month-summary`,children:d?t(`monthSummary`,{present:S(`PRESENT`)+S(`LATE`),absent:S(`ABSENT`),late:S(`LATE`)}):t(`loading`)}),o(`table`,{class:`calendar`,children:[o(`thead`,{children:o(`tr`,{children:E.map(e=>o(`th`,{scope:`col`,children:e},e))})}),o(`tbody`,{children:Ze(h,g).map((n,r)=>o(`tr`,{children:n.map((n,r)=>{let i=n?y[n]:void 0,a=i?Ye[i]:null;return o(`td`,{class:a?a.cls:``,children:n&&o(e,{children:[o(`span`,{class:`day-number`,children:Number(n.slice(8))}),a&&o(`span`,{class:`day-mark`,children:[o(T,{name:a.icon,size:16}),o(`span`,{class:`mark-text`,children:t(a.key)})]})]})},r)})},r))})]})]})}function Ze(e,t){let n=[...Array(t).fill(null),...e];for(;n.length%7;)n.push(null);let r=[];for(let e=0;e<n.length;e+=7)r.push(n.slice(e,e+7));return r}function X({legend:e,name:n,options:r,label:i,value:a,onChange:s,multiple:c=!1}){let l=e=>Array.isArray(a)?a.includes(e):a===e;return o(`fieldset`,{class:`choices`,children:[o(`legend`,{children:e}),o(`div`,{class:`chips`,children:r.map(e=>o(`label`,{class:l(e)?`chip on`:`chip`,children:[o(`input`,{type:c?`checkbox`:`radio`,name:n,value:e,checked:l(e),onChange:()=>s(e)}),o(`span`,{children:t(i(e))})]},e))})]})}var Qe=[`ALL`,`MOST`,`HALF`,`LITTLE`,`NONE`];function $e({child:e}){let[r,i]=n(`36.5`),[a,d]=n(null),[f,p]=n(null),[m,h]=n(!1),g=s(()=>({health:P(),meal:P()}),[]);return o(k,{title:t(`morningCheck`),back:`/`,children:o(`form`,{class:`card form`,onSubmit:async n=>{n.preventDefault();let i=Number(r.replace(`,`,`.`));if(!Number.isFinite(i))p(t(`required`));else{h(!0),p(null);try{let t=await c(me,{input:{childId:e.id,temperatureC:Math.round(i*10)/10,idempotencyKey:g.health}}),n=null;a&&(n=(await c(he,{input:{childId:e.id,date:x(),meal:`BREAKFAST`,amount:a,idempotencyKey:g.meal}})).recordMeal),K(e.id,e=>({...e,healthChecks:[...e.healthChecks.filter(e=>e.id!==t.recordHealthCheck.id),t.recordHealthCheck],meals:n?[...e.meals,n]:e.meals})),u(`/`)}catch(e){p(e instanceof l&&e.transient?t(`errorOffline`):e instanceof l?e.message:t(`errorGeneric`))}finally{h(!1)}}},children:[o(`p`,{class:`form-child`,children:e.name}),o(`label`,{class:`field big`,children:[o(`span`,{children:t(`temperature`)}),o(`input`,{type:`number`,name:`temperature`,inputMode:`decimal`,step:`0.1`,min:`34`,max:`42.5`,value:r,onInput:e=>i(e.currentTarget.value),required:!0})]}),o(X,{legend:t(`breakfast`),name:`breakfast`,options:Qe,label:e=>`amount${e}`,value:a,onChange:d}),f&&o(`p`,{class:`error`,role:`alert`,children:f}),o(`button`,{class:`btn primary wide`,type:`submit`,disabled:m,children:t(`send`)})]})})}var et=[[`arrival`,`secArrival`],[`temperature`,`secTemperature`],[`meals`,`secMeals`],[`nap`,`secNap`],[`mood`,`secMood`],[`activities`,`secActivities`],[`message`,`secMessage`]],tt=[[`sleep`,`homeSleep`],[`mood`,`homeMood`],[`breakfast`,`homeBreakfast`],[`message`,`homeMessage`]];function nt(e){try{let t=JSON.parse(e);return{nursery:t.nursery??{},home:t.home??{}}}catch{return{nursery:{},home:{}}}}function rt({child:i}){let[s,u]=n(null),[d,f]=n(null);a(()=>{let e=x();c(ce,{nurseryId:i.nurseryId,from:S(e,-30),to:e}).then(e=>u(e.journals.filter(e=>e.child?.id===i.id))).catch(e=>f(e instanceof l&&e.transient?t(`errorOffline`):t(`errorGeneric`)))},[i.id]);let p=r.value;return o(k,{title:t(`notebook`),back:`/children/${encodeURIComponent(i.id)}`,children:[o(`p`,{class:`form-child`,children:i.name}),o(it,{child:i}),d&&o(`p`,{class:`error`,children:d}),s&&s.length===0&&o(`p`,{class:`muted`,children:t(`notebookEmpty`)}),s?.map(n=>{let{nursery:r,home:i}=nt(n.body);return o(`article`,{class:`card notebook-page`,"data-testid":`notebook-page`,children:[o(`h2`,{children:E(n.periodStart,p)}),o(`h3`,{children:t(`notebookNursery`)}),o(`dl`,{children:et.filter(([e])=>r[e]!=null&&r[e]!==``).map(([e,n])=>o(`div`,{children:[o(`dt`,{children:t(n)}),o(`dd`,{children:String(r[e])})]},e))}),Object.values(i).some(e=>e!=null&&e!==``)&&o(e,{children:[o(`h3`,{children:t(`notebookHome`)}),o(`dl`,{children:tt.filter(([e])=>i[e]!=null&&i[e]!==``).map(([e,n])=>o(`div`,{children:[o(`dt`,{children:t(n)}),o(`dd`,{children:String(i[e])})]},e))})]})]},n.id)})]})}function it({child:e}){let i=`tsunagu.notebook.${e.id}`,[s,u]=n({}),[d,f]=n(null),[p,m]=n(!1),h=x(),g=()=>{try{let e=JSON.parse(localStorage.getItem(i)??`null`);return e&&e.date===h?e:null}catch{return null}};return a(()=>{let e=g();e&&c(le,{id:e.id}).then(t=>{if(!t.journal)return;localStorage.setItem(i,JSON.stringify({...e,revision:t.journal.revision}));let n=nt(t.journal.body).home;u(Object.fromEntries(Object.entries(n).map(([e,t])=>[e,t==null?``:String(t)])))}).catch(()=>{})},[e.id]),o(`form`,{class:`card form`,onSubmit:async n=>{n.preventDefault(),m(!0),f(null);let r=Object.fromEntries(Object.entries(s).filter(([,e])=>e.trim()!==``)),a=g();try{let n=await c(ue,{input:{journalId:a?.id??null,revision:a?.revision??null,kind:`CONTACT_NOTEBOOK`,childId:e.id,periodStart:h,periodEnd:h,body:JSON.stringify({home:r})}});localStorage.setItem(i,JSON.stringify({id:n.saveJournalDraft.id,revision:n.saveJournalDraft.revision,date:h})),f(t(`notebookSaved`))}catch(e){f(e instanceof l&&e.transient?t(`errorOffline`):e instanceof l?e.message:t(`errorGeneric`))}finally{m(!1)}},children:[o(`h2`,{children:t(`writeHome`)}),o(`p`,{class:`muted`,children:E(h,r.value)}),tt.map(([e,n])=>o(`label`,{class:`field`,children:[o(`span`,{children:t(n)}),e===`message`?o(`textarea`,{name:e,rows:3,maxLength:4e3,value:s[e]??``,onInput:t=>u({...s,[e]:t.currentTarget.value})}):o(`input`,{name:e,maxLength:200,value:s[e]??``,onInput:t=>u({...s,[e]:t.currentTarget.value})})]},e)),d&&o(`p`,{class:`note`,role:`status`,children:d}),o(`button`,{class:`btn primary wide`,type:`submit`,disabled:p,children:t(`save`)})]})}var Z=`one-off`;function Q(e){return e instanceof l?e.transient?t(`errorOffline`):e.message:t(`errorGeneric`)}function at({confirmed:e}){return o(`span`,{class:e?`mark ok`:`mark waiting`,"data-testid":`confirmed-mark`,children:[o(T,{name:e?`check`:`clock`,size:18}),N(e?`confirmed`:`unconfirmed`)]})}function ot({child:e}){let[r,i]=n(null),[s,l]=n(null),[u,d]=n(e.pickupPlan??null),[f,p]=n(null);return a(()=>{c(_e,{childId:e.id}).then(e=>{i(e.child?.family.id??null),l(e.child?.family.pickupPeople??[]),d(e.child?.pickupPlan??null)}).catch(e=>p(Q(e)))},[e.id]),o(k,{title:N(`pickupTitle`),back:`/`,children:[o(`p`,{class:`form-child`,children:e.name}),f&&o(`p`,{class:`error`,role:`alert`,children:f}),s&&o(st,{child:e,people:s,plan:u,onChanged:t=>{d(t),K(e.id,e=>({...e,pickupPlan:t}))}}),s&&r&&o(ct,{familyId:r,people:s,onChange:l}),!s&&!f&&o(`p`,{children:t(`loading`)})]})}function st({child:t,people:r,plan:i,onChanged:a}){let[s,l]=n(i?.time??`17:00`),[u,d]=n(i?.person?.id??(i?.oneOff?Z:``)),[f,p]=n({name:i?.oneOff?.name??``,relation:i?.oneOff?.relation??``,phone:i?.oneOff?.phone??``}),[m,h]=n(!1),[g,_]=n(null),[v,y]=n(!1);return o(`form`,{class:`card form`,onSubmit:async e=>{if(e.preventDefault(),!u)_(N(`needPerson`));else{h(!0),_(null),y(!1);try{let e={childId:t.id,date:x(),time:s,personId:u===Z?null:u,oneOff:u===Z?f:null};a((await c(be,{input:e})).setPickupPlan),y(!0)}catch(e){_(Q(e))}finally{h(!1)}}},"aria-labelledby":`plan-title`,"data-testid":`pickup-plan`,children:[o(`h2`,{id:`plan-title`,children:N(`todayPlan`)}),o(`p`,{class:`plan-now`,"data-testid":`plan-now`,children:i?o(e,{children:[o(`span`,{children:N(`planLine`,{time:i.time,name:i.name})}),` `,o(at,{confirmed:i.confirmed})]}):o(`span`,{class:`muted`,children:N(`planNone`)})}),o(`label`,{class:`field`,children:[o(`span`,{children:N(`planTime`)}),o(`input`,{type:`time`,name:`time`,value:s,step:300,required:!0,onInput:e=>l(e.currentTarget.value)})]}),o(`fieldset`,{class:`choices`,children:[o(`legend`,{children:N(`planWho`)}),o(`div`,{class:`chips`,children:[r.map(e=>o(`label`,{class:u===e.id?`chip on`:`chip`,children:[o(`input`,{type:`radio`,name:`who`,value:e.id,checked:u===e.id,onChange:()=>d(e.id)}),o(`span`,{children:[e.name,`（`,e.relation,`）`,!e.confirmed&&o(`small`,{class:`muted`,children:[` `,N(`unconfirmed`)]})]})]},e.id)),o(`label`,{class:u===Z?`chip on`:`chip`,children:[o(`input`,{type:`radio`,name:`who`,value:Z,checked:u===Z,onChange:()=>d(Z)}),o(`span`,{children:N(`oneOff`)})]})]})]}),u===Z&&o(`div`,{class:`one-off`,children:[o(`p`,{class:`muted small`,children:N(`oneOffHint`)}),o($,{value:f,onChange:p,prefix:`oneOff`})]}),g&&o(`p`,{class:`error`,role:`alert`,children:g}),v&&o(`p`,{class:`ok`,role:`status`,children:N(`planSaved`)}),o(`button`,{class:`btn primary wide`,type:`submit`,disabled:m,children:N(`savePlan`)}),i&&o(`button`,{class:`btn wide`,type:`button`,disabled:m,onClick:async()=>{h(!0),_(null);try{await c(xe,{childId:t.id,date:x()}),a(null),y(!1)}catch(e){_(Q(e))}finally{h(!1)}},children:N(`clearPlan`)})]})}function $({value:t,onChange:n,prefix:r}){return o(e,{children:[o(`label`,{class:`field`,children:[o(`span`,{children:N(`name`)}),o(`input`,{name:`${r}-name`,value:t.name,maxLength:100,required:!0,autoComplete:`off`,onInput:e=>n({...t,name:e.currentTarget.value})})]}),o(`label`,{class:`field`,children:[o(`span`,{children:N(`relation`)}),o(`input`,{name:`${r}-relation`,value:t.relation,maxLength:30,required:!0,placeholder:N(`relationHint`),onInput:e=>n({...t,relation:e.currentTarget.value})})]}),o(`label`,{class:`field`,children:[o(`span`,{children:N(`phone`)}),o(`input`,{name:`${r}-phone`,type:`tel`,inputMode:`tel`,autoComplete:`off`,value:t.phone,required:!0,placeholder:N(`phoneHint`),onInput:e=>n({...t,phone:e.currentTarget.value})})]})]})}function ct({familyId:e,people:t,onChange:r}){let[i,a]=n({name:``,relation:``,phone:``}),[s,l]=n(!1),[u,d]=n(null),f=async n=>{n.preventDefault(),l(!0),d(null);try{let n=(await c(ve,{familyId:e,input:i})).addPickupPerson;r([...t,n]),a({name:``,relation:``,phone:``})}catch(e){d(Q(e))}finally{l(!1)}},p=async e=>{if(confirm(N(`removeConfirm`,{name:e.name})))try{await c(ye,{id:e.id}),r(t.filter(t=>t.id!==e.id))}catch(e){d(Q(e))}};return o(`section`,{class:`card`,"aria-labelledby":`list-title`,"data-testid":`pickup-list`,children:[o(`h2`,{id:`list-title`,children:N(`listTitle`)}),o(`p`,{class:`muted small`,children:N(`listLead`)}),t.length===0&&o(`p`,{children:N(`listEmpty`)}),o(`ul`,{class:`people`,children:t.map(e=>o(`li`,{class:`person`,"data-testid":`pickup-person`,children:[o(`span`,{class:`person-text`,children:[o(`strong`,{children:e.name}),`（`,e.relation,`）`,o(`br`,{}),o(`span`,{class:`muted`,children:e.phone}),` `,o(at,{confirmed:e.confirmed})]}),o(`button`,{class:`btn small`,type:`button`,onClick:()=>void p(e),"aria-label":`${N(`remove`)}: ${e.name}`,children:N(`remove`)})]},e.id))}),o(`form`,{class:`form`,onSubmit:f,children:[o($,{value:i,onChange:a,prefix:`new`}),u&&o(`p`,{class:`error`,role:`alert`,children:u}),o(`button`,{class:`btn wide`,type:`submit`,disabled:s,children:[o(T,{name:`person`}),` `,N(`addPerson`)]})]})]})}var lt=[`ABSENCE`,`LATE`,`EARLY_PICKUP`],ut=[`ILLNESS`,`FAMILY`,`MEDICAL_APPOINTMENT`,`OTHER`],dt=[`FEVER`,`COUGH`,`RUNNY_NOSE`,`DIARRHEA`,`VOMITING`,`RASH`,`CONJUNCTIVITIS`,`OTHER`];function ft({child:i,editing:a}){let[d,f]=n(a?.kind??`ABSENCE`),[p,m]=n(a?.reason??`ILLNESS`),[h,g]=n(a?.symptoms??[]),[_,v]=n(a?.date??x()),[b,S]=n(a?.expectedArrival?y(a.expectedArrival):`09:30`),[C,w]=n(a?.note??``),[T,D]=n(null),[O,A]=n(!1),[te,j]=n(!1),M=`/children/${encodeURIComponent(i.id)}`,N=e=>D(e instanceof l&&e.transient?t(`errorOffline`):e instanceof l?e.message:t(`errorGeneric`)),ne=s(()=>P(),[]),re=e=>g(t=>t.includes(e)?t.filter(t=>t!==e):[...t,e]),F=async e=>{e.preventDefault(),A(!0),D(null);try{if(a){let e=await c(fe,{id:a.id,input:{reason:p,symptoms:p===`ILLNESS`?h:[],expectedArrival:d===`ABSENCE`?null:ee(_,b),note:C.trim()||null}});G(i.id,e.updateAbsence),u(M);return}let e=await c(de,{input:{childId:i.id,kind:d,date:_,reason:p,symptoms:p===`ILLNESS`?h:[],expectedArrival:d===`ABSENCE`?null:ee(_,b),note:C.trim()||null,idempotencyKey:ne}});_===x()&&G(i.id,e.reportAbsence),u(M)}catch(e){N(e)}finally{A(!1)}},ie=async()=>{if(a){A(!0),D(null);try{let e=await c(pe,{id:a.id});G(i.id,e.withdrawAbsence),u(M)}catch(e){N(e),j(!1)}finally{A(!1)}}};return o(k,{title:t(a?`changeReportTitle`:`reportAbsence`),back:M,children:[o(`form`,{class:`card form`,onSubmit:F,children:[o(`p`,{class:`form-child`,children:i.name}),a?o(`p`,{class:`form-fixed`,"data-testid":`report-fixed`,children:[o(`strong`,{children:t(`kind${d}`)}),` `,E(_,r.value)]}):o(e,{children:[o(X,{legend:t(`kind`),name:`kind`,options:lt,label:e=>`kind${e}`,value:d,onChange:f}),o(`label`,{class:`field`,children:[o(`span`,{children:t(`date`)}),o(`input`,{type:`date`,name:`date`,value:_,min:x(),onInput:e=>v(e.currentTarget.value),required:!0})]})]}),d!==`ABSENCE`&&o(`label`,{class:`field`,children:[o(`span`,{children:t(d===`LATE`?`expectedArrival`:`pickupTime`)}),o(`input`,{type:`time`,name:`time`,value:b,onInput:e=>S(e.currentTarget.value),required:!0})]}),o(X,{legend:t(`reason`),name:`reason`,options:ut,label:e=>`reason${e}`,value:p,onChange:m}),p===`ILLNESS`&&o(X,{legend:t(`symptoms`),name:`symptoms`,options:dt,label:e=>`symptom${e}`,value:h,onChange:re,multiple:!0}),o(`label`,{class:`field`,children:[o(`span`,{children:t(`note`)}),o(`textarea`,{name:`note`,rows:3,maxLength:1e3,placeholder:t(`notePlaceholder`),value:C,onInput:e=>w(e.currentTarget.value)})]}),T&&o(`p`,{class:`error`,role:`alert`,children:T}),o(`button`,{class:`btn primary wide`,type:`submit`,disabled:O,children:t(a?`sendChanges`:`send`)})]}),a&&o(`section`,{class:`card form`,"aria-label":t(`withdrawReport`),children:te?o(e,{children:[o(`p`,{role:`alert`,children:t(`withdrawConfirm`)}),o(`button`,{class:`btn danger wide`,type:`button`,disabled:O,onClick:()=>void ie(),children:t(`withdrawYes`)}),o(`button`,{class:`btn wide`,type:`button`,onClick:()=>j(!1),children:t(`withdrawNo`)})]}):o(`button`,{class:`btn wide`,type:`button`,onClick:()=>j(!0),children:t(`withdrawReport`)})})]})}function pt(){a(()=>Ne(),[]);let e=p.value;if(e===`/settings`)return o(g,{});if(e===`/account`)return o(h,{path:e});let n=f(e);if(!n)return o(Re,{});let r=L.value?.find(e=>e.id===n.childId);if(!r)return o(k,{title:t(`appName`),back:`/`,children:o(`p`,{children:t(`loading`)})});switch(n.section){case`report`:case`absences-new`:{let e=n.item?r.absences.find(e=>e.id===n.item&&!e.acknowledgedAt):void 0;return o(ft,{child:r,editing:e},e?.id??`new`)}case`morning`:return o($e,{child:r});case`notebook`:return o(rt,{child:r});case`month`:return o(Xe,{child:r});case`growth`:return o(qe,{child:r});case`pickup`:return o(ot,{child:r});default:return o(Ge,{child:r})}}export{pt as GuardianApp};