const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/settings-BrvIbwNz.js","assets/jsxRuntime-K-K-D2y6.js","assets/index-D4TBl890.js","assets/index-DopTsgUy.css","assets/shell-BLv-c9W6.js","assets/account-screens-CDSFwk7c.js"])))=>i.map(i=>d[i]);
import{c as e,d as t,f as n,i as r,l as i,n as a,t as o,u as s}from"./jsxRuntime-K-K-D2y6.js";import{C as c,T as l,d as u,h as d,m as f,o as p,r as m,y as h}from"./index-D4TBl890.js";import{t as g}from"./strings-work-CWROeNbD.js";import{h as _,i as v,n as y,o as b,t as x}from"./shell-BLv-c9W6.js";var S=new d(`
    query OfficerDashboard($municipalityId: ID!, $from: Date!, $to: Date!) {
  nurseryPeriodSummaries(municipalityId: $municipalityId, from: $from, to: $to) {
    nursery {
      id
      name
    }
    openDays
    enrolledChildDays
    presentChildDays
    absentChildDays
    lateArrivals
    attendanceRate
    absencesBySymptom {
      symptom
      count
    }
    ageBands {
      ageBand
      enrolled
      present
      absent
      late
      attendanceRate
      suppressed
    }
    napChecksRequired
    napChecksOnTime
    napCheckCompliance
    classroomDays
    diariesApproved
    diaryApprovalRate
  }
  nurseryDaySummaries(municipalityId: $municipalityId, from: $from, to: $to) {
    date
    nursery {
      id
    }
    absencesBySymptom {
      symptom
      count
    }
  }
  infectionAlerts(municipalityId: $municipalityId, from: $from, to: $to) {
    id
    nursery {
      id
      name
    }
    classroomName
    symptom
    windowStart
    windowEnd
    children
    raisedAt
  }
}
    `),C=new d(`
    subscription InfectionAlertFeed($municipalityId: ID!) {
  infectionAlerts(municipalityId: $municipalityId) {
    id
    nursery {
      id
      name
    }
    classroomName
    symptom
    windowStart
    windowEnd
    children
    raisedAt
  }
}
    `);function w(e){return e==null?`—`:`${(e*100).toFixed(1)}%`}function T(e,t,n,r){let i=new Map;if(n&&r)for(let e=new Date(`${n}T00:00:00Z`);e.toISOString().slice(0,10)<=r&&i.size<400;e.setUTCDate(e.getUTCDate()+1))i.set(e.toISOString().slice(0,10),0);for(let n of e){let e=n.absencesBySymptom.find(e=>e.symptom===t)?.count??0;i.set(n.date,(i.get(n.date)??0)+e)}return[...i.entries()].sort(([e],[t])=>e.localeCompare(t)).map(([e,t])=>({date:e,count:t}))}function E(e){let t=e==null?``:String(e);return/[",\n]/.test(t)?`"${t.replace(/"/g,`""`)}"`:t}function D(e,t,n){let r=[...new Set(e.flatMap(e=>e.absencesBySymptom.map(e=>e.symptom)))].sort(),i=[[`from`,`to`,`nursery`,`ageBand`,`openDays`,`enrolledChildDays`,`presentChildDays`,`absentChildDays`,`lateArrivals`,`attendanceRate`,`napChecksRequired`,`napChecksOnTime`,`classroomDays`,`diariesApproved`,`suppressed`,...r.map(e=>`absent_${e}`)].join(`,`)];for(let a of e){i.push([t,n,a.nursery.name,`all`,a.openDays,a.enrolledChildDays,a.presentChildDays,a.absentChildDays,a.lateArrivals,a.attendanceRate??``,a.napChecksRequired,a.napChecksOnTime,a.classroomDays,a.diariesApproved,`false`,...r.map(e=>a.absencesBySymptom.find(t=>t.symptom===e)?.count??0)].map(E).join(`,`));for(let e of a.ageBands)i.push([t,n,a.nursery.name,e.ageBand,``,e.enrolled,e.present,e.absent,``,``,``,``,``,``,e.suppressed?`true`:`false`,...r.map(()=>``)].map(E).join(`,`))}return`${i.join(`
`)}\n`}var O=()=>m(()=>import(`./settings-BrvIbwNz.js`).then(e=>e.Settings),__vite__mapDeps([0,1,2,3,4])),k=()=>m(()=>import(`./account-screens-CDSFwk7c.js`).then(e=>e.AccountScreen),__vite__mapDeps([5,1,2,3]));function A(){return p.value===`/settings`?o(j,{load:O}):p.value===`/account`?o(j,{load:k,path:p.value}):o(M,{})}function j({load:e,...t}){let n=l(e);return n?o(n,{...t}):o(`p`,{class:`center`,children:r(`loading`)})}function M(){let t=u(f.value)??``,[n,l]=s(_()),[d,p]=s(v(_(),-29)),[m,w]=s(null),[T,E]=s({from:d,to:n}),[O,k]=s(!1),[A,j]=s([]),M=()=>c(S,{municipalityId:t,from:d,to:n}).then(e=>{w(e),E({from:d,to:n}),k(!1)}).catch(()=>k(!0)),N=i(M);N.current=M,e(()=>void M(),[t]),e(()=>h(C,()=>({municipalityId:t}),e=>{j(t=>[e.infectionAlerts,...t.filter(t=>t.id!==e.infectionAlerts.id)]),N.current()}),[t]);let P=a.value,I=[...A,...(m?.infectionAlerts??[]).filter(e=>!A.some(t=>t.id===e.id))];return o(x,{title:g(`officerTitle`),wide:!0,children:[o(`form`,{class:`filters`,onSubmit:e=>{e.preventDefault(),M()},children:[o(`label`,{class:`field inline`,children:[o(`span`,{children:g(`periodFrom`)}),o(`input`,{type:`date`,name:`from`,value:d,max:n,onInput:e=>p(e.currentTarget.value)})]}),o(`label`,{class:`field inline`,children:[o(`span`,{children:g(`periodTo`)}),o(`input`,{type:`date`,name:`to`,value:n,min:d,onInput:e=>l(e.currentTarget.value)})]}),o(`button`,{class:`btn primary`,type:`submit`,children:g(`periodShow`)}),m&&o(`a`,{class:`btn`,href:`#csv`,onClick:e=>{m&&(e.currentTarget.href=`data:text/csv;charset=utf-8,${encodeURIComponent(D(m.nurseryPeriodSummaries,T.from,T.to))}`)},download:`tsunagu-${T.from}-${T.to}.csv`,"data-testid":`csv`,children:g(`downloadCsv`)})]}),o(`p`,{class:`muted small`,children:g(`noName`)}),O&&o(`p`,{class:`error`,children:r(`errorGeneric`)}),o(`section`,{class:`card alerts-card`,"data-testid":`infection-alerts`,"aria-live":`polite`,children:[o(`h2`,{children:[o(y,{name:`alert`}),` `,g(`alertsTitle`)]}),I.length===0?o(`p`,{class:`muted`,children:g(`alertsNone`)}):o(`ul`,{children:I.map(e=>o(`li`,{"data-testid":`infection-alert`,children:g(`alertItem`,{nursery:e.nursery.name,classroom:e.classroomName,symptom:r(`symptom${e.symptom}`),n:e.children,from:b(e.windowStart,P),to:b(e.windowEnd,P)})},e.id))})]}),m?m.nurseryPeriodSummaries.length===0?o(`p`,{class:`muted`,children:g(`noData`)}):o(F,{data:m,from:T.from,to:T.to}):!O&&o(`p`,{children:r(`loading`)})]})}var N=60;function P(t,n){let[r,i]=s(1);return e(()=>{i(1);let e=1,n=null,r=()=>{e+=1,i(e),e<t&&(n=setTimeout(r,0))};return t>1&&(n=setTimeout(r,0)),()=>{n&&clearTimeout(n)}},[n,t]),r}function F({data:e,from:r,to:i}){let a=e.nurseryPeriodSummaries,s=t(()=>[...new Set(a.flatMap(e=>e.absencesBySymptom.map(e=>e.symptom)))],[a]),c=t(()=>[...new Set(a.flatMap(e=>e.ageBands.map(e=>e.ageBand)))].sort(),[a]),l=t(()=>a.flatMap(e=>c.map(t=>({r:e,b:e.ageBands.find(e=>e.ageBand===t)})).filter(e=>e.b)),[a,c]),u=Math.max(1,Math.ceil(l.length/N)),d=P(2+s.length+u,e),f=(e,t)=>e==null&&t?o(`span`,{class:`suppressed`,children:g(`suppressed`)}):e??`—`,p=t(()=>o(I,{rows:a}),[a]),m=t(()=>s.map(t=>o(R,{symptom:t,data:e,from:r,to:i},t)),[e,s,r,i]),h=t(()=>o(L,{rows:a,symptoms:s}),[a,s]),_=t(()=>{let e=[];for(let t=0;t<l.length;t+=N)e.push(o(n,{children:l.slice(t,t+N).map(({r:e,b:t})=>o(`tr`,{"data-suppressed":t.suppressed?`true`:`false`,children:[o(`th`,{scope:`row`,children:e.nursery.name}),o(`td`,{children:g(`ageBand`,{n:t.ageBand})}),o(`td`,{children:f(t.enrolled,t.suppressed)}),o(`td`,{children:f(t.present,t.suppressed)}),o(`td`,{children:f(t.absent,t.suppressed)}),o(`td`,{children:t.attendanceRate==null&&t.suppressed?o(`span`,{class:`suppressed`,children:g(`suppressed`)}):w(t.attendanceRate)})]},`${e.nursery.id}-${t.ageBand}`))}));return e},[l]),v=Math.max(0,Math.min(s.length,d-1)),y=Math.max(0,d-2-s.length);return o(n,{children:[p,o(`section`,{class:`card`,children:[o(`h2`,{children:g(`symptomChart`)}),s.length===0?o(`p`,{class:`muted`,children:g(`noData`)}):o(`div`,{class:`chart-grid`,children:m.slice(0,v)})]}),s.length>0&&d>=2+s.length&&h,o(`section`,{class:`card`,children:[o(`h2`,{children:g(`ageBandTitle`)}),o(`div`,{class:`table-wrap`,tabIndex:0,children:o(`table`,{class:`data-table`,"data-testid":`age-bands`,"data-complete":y>=u?`true`:`false`,children:[o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:g(`nurseryCol`)}),o(`th`,{scope:`col`,children:g(`ageBand`,{n:``}).trim()}),o(`th`,{scope:`col`,children:g(`enrolledCol`)}),o(`th`,{scope:`col`,children:g(`presentCol`)}),o(`th`,{scope:`col`,children:g(`absentCol`)}),o(`th`,{scope:`col`,children:g(`attendanceRate`)})]})}),o(`tbody`,{children:_.slice(0,y)})]})})]})]})}function I({rows:e}){return o(`section`,{class:`card`,children:o(`div`,{class:`table-wrap`,tabIndex:0,children:o(`table`,{class:`data-table`,"data-testid":`officer-table`,children:[o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:g(`nurseryCol`)}),o(`th`,{scope:`col`,children:g(`openDays`)}),o(`th`,{scope:`col`,children:g(`attendanceRate`)}),o(`th`,{scope:`col`,children:g(`absentDays`)}),o(`th`,{scope:`col`,children:g(`lateCount`)}),o(`th`,{scope:`col`,children:g(`napCompliance`)}),o(`th`,{scope:`col`,children:g(`diaryApproval`)})]})}),o(`tbody`,{children:e.map(e=>o(`tr`,{"data-testid":`officer-row`,"data-nursery":e.nursery.id,children:[o(`th`,{scope:`row`,children:e.nursery.name}),o(`td`,{"data-field":`openDays`,children:e.openDays}),o(`td`,{"data-field":`attendanceRate`,children:w(e.attendanceRate)}),o(`td`,{"data-field":`absentChildDays`,children:e.absentChildDays}),o(`td`,{"data-field":`lateArrivals`,children:e.lateArrivals}),o(`td`,{"data-field":`napCheckCompliance`,children:[w(e.napCheckCompliance),` `,o(`span`,{class:`muted small`,children:[`(`,e.napChecksOnTime,`/`,e.napChecksRequired,`)`]})]}),o(`td`,{"data-field":`diaryApprovalRate`,children:[w(e.diaryApprovalRate),` `,o(`span`,{class:`muted small`,children:[`(`,e.diariesApproved,`/`,e.classroomDays,`)`]})]})]},e.nursery.id))})]})})})}function L({rows:e,symptoms:t}){return o(`section`,{class:`card`,children:[o(`h2`,{children:g(`symptomByNursery`)}),o(`div`,{class:`table-wrap`,tabIndex:0,children:o(`table`,{class:`data-table`,children:[o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:g(`nurseryCol`)}),t.map(e=>o(`th`,{scope:`col`,children:r(`symptom${e}`)},e))]})}),o(`tbody`,{children:e.map(e=>o(`tr`,{children:[o(`th`,{scope:`row`,children:e.nursery.name}),t.map(t=>o(`td`,{children:e.absencesBySymptom.find(e=>e.symptom===t)?.count??0},t))]},e.nursery.id))})]})})]})}function R({symptom:e,data:t,from:i,to:a}){let s=T(t.nurseryDaySummaries,e,i,a),c=Math.max(1,...s.map(e=>e.count)),l=s.reduce((e,t)=>e+t.count,0),u=s.length?270/s.length:0,d=g(`chartLabel`,{symptom:r(`symptom${e}`),n:l});return o(`figure`,{class:`symptom-chart`,"data-testid":`symptom-chart`,"data-symptom":e,children:[o(`figcaption`,{children:d}),o(`svg`,{class:`chart`,viewBox:`0 0 300 110`,role:`img`,"aria-label":d,children:[o(`line`,{class:`axis`,x1:`26`,y1:94,x2:300,y2:94}),o(`text`,{class:`tick end`,x:`22`,y:`14`,children:c}),o(`text`,{class:`tick end`,x:`22`,y:92,children:`0`}),s.map((e,t)=>{let n=80*e.count/c;return o(`rect`,{class:`bar`,x:28+t*u,y:94-n,width:Math.max(1,u-2),height:n},e.date)}),s.length>0&&o(n,{children:[o(`text`,{class:`tick`,x:`28`,y:108,children:s[0].date.slice(5)}),o(`text`,{class:`tick end`,x:300,y:108,children:s[s.length-1].date.slice(5)})]})]})]})}export{A as OfficerApp};