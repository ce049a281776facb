import{c as e,f as t,i as n,l as r,s as i,t as a,u as o}from"./jsxRuntime-K-K-D2y6.js";import{t as s}from"./strings-work-CWROeNbD.js";import{h as c,l,n as u,t as d}from"./shell-BLv-c9W6.js";import{b as f,c as p,l as m,n as h,s as g,u as _}from"./store-EY4i5kUI.js";import{n as v,r as y}from"./staff-app-DE29myCK.js";import{C as b,b as x,h as S,y as C}from"./index-D4TBl890.js";import{a as w,n as T}from"./queue-CEk2iEdD.js";import{a as E,n as D,o as O,r as k,s as A,t as j}from"./care-fdTYNXJP.js";var M=new S(`
    query CareClass($nurseryId: ID!, $date: Date!) {
  nursery(id: $nurseryId) {
    id
    feverThresholdC
    classrooms {
      id
      name
      ageBand
      children {
        id
        name
        allergies
        healthChecks(from: $date, to: $date) {
          id
          recordedAt
          temperatureC
          fever
          symptoms
          source
        }
        meals(from: $date, to: $date) {
          id
          meal
          amount
        }
        naps(from: $date, to: $date) {
          id
          startedAt
          endedAt
          checkIntervalSeconds
        }
        napChecks(from: $date, to: $date) {
          id
          checkedAt
          position
          breathingOk
          napId
        }
      }
    }
  }
}
    `),N=new S(`
    query ClassGrowth($nurseryId: ID!) {
  nursery(id: $nurseryId) {
    id
    classrooms {
      id
      children {
        id
        name
        birthDate
        growth {
          id
          measuredOn
          heightCm
          weightKg
          flaggedForReview
        }
      }
    }
  }
}
    `),P=new S(`
    subscription CareRecordFeed {
  careRecords {
    id
    kind
    classroomId
    occurredAt
    child {
      id
    }
  }
}
    `),F=i(null),I=i(Date.now()),L=``,R=0,z=null,B=null,V=null,H=null,U=null,W=null,G=null;function K(){G||(G=setTimeout(()=>{G=null,J()},300))}var q=`tsunagu.care`;async function J(){if(L)try{let e=await b(M,{nurseryId:L,date:c()});if(e.nursery){F.value=e.nursery;try{localStorage.setItem(`${q}.${L}`,JSON.stringify({date:c(),care:e.nursery}))}catch{}}}catch{}}function Y(e,t){let n=F.value;n&&(F.value={...n,classrooms:n.classrooms.map(n=>n.children.some(t=>t.id===e)?{...n,children:n.children.map(n=>n.id===e?t(n):n)}:n)})}function X(e){if(R+=1,L!==e){L=e;try{let t=localStorage.getItem(`${q}.${e}`),n=t?JSON.parse(t):null;n?.date===c()&&(F.value=n.care)}catch{}}if(J(),R===1){z=setInterval(()=>{x.value||J()},15e3),U=C(P,()=>({}),()=>K());let e=x.value;W=x.subscribe(t=>{t&&!e&&K(),e=t}),B=setInterval(()=>I.value=Date.now(),1e3),V=p((e,t)=>{let n=t;Y(e.childId,t=>{switch(e.op){case`HEALTH`:return{...t,healthChecks:[...t.healthChecks.filter(e=>e.id!==n.id),n]};case`MEAL`:return{...t,meals:[...t.meals.filter(e=>e.id!==n.id&&e.meal!==n.meal),n]};case`GROWTH`:return t;case`NAP_CHECK`:return{...t,napChecks:[...t.napChecks.filter(e=>e.id!==n.id),n]};default:return{...t,naps:[...t.naps.filter(e=>e.id!==n.id),n]}}}),e.op===`NAP_CHECK`&&J()});let t=h.value.length;H=h.subscribe(e=>{e.length>t&&J(),t=e.length})}return()=>{if(--R,!(R>0)){for(let e of[z,B])e&&clearInterval(e);V?.(),H?.(),U?.(),W?.()}}}function Z(){let e=F.value?.classrooms??[],t=y.value;return e.find(e=>e.id===t)??e[0]??null}function Q(){let e=new Set,t=m.value.filter(T);for(let n of g.value?.classrooms??[])for(let r of n.children)w(r.attendance,r.absences,t.filter(e=>e.childId===r.id)).status===`PRESENT`&&e.add(r.id);return e}function $({nurseryId:t}){let[r,i]=o(null),l=()=>b(N,{nurseryId:t}).then(e=>{let t=e.nursery?.classrooms??[],n=t.find(e=>e.id===y.value)??t[0];i(n?.children??[])}).catch(()=>i(e=>e??[]));e(()=>void l(),[t,y.value]),e(()=>p(e=>e.op===`GROWTH`&&void l()),[t,y.value]);let u=c();return r?a(`section`,{class:`card`,children:[a(`p`,{class:`muted`,children:[s(`growthMonth`),`: `,u]}),a(`div`,{class:`table-wrap`,tabIndex:0,children:a(`table`,{class:`growth-table class-growth`,"data-testid":`class-growth`,children:[a(`thead`,{children:a(`tr`,{children:[a(`th`,{scope:`col`,children:s(`childCol`)}),a(`th`,{scope:`col`,children:s(`growthLast`)}),a(`th`,{scope:`col`,children:s(`growthHeight`)}),a(`th`,{scope:`col`,children:s(`growthWeight`)}),a(`th`,{scope:`col`,children:a(`span`,{class:`visually-hidden`,children:s(`growthSave`)})})]})}),a(`tbody`,{children:r.map(e=>a(ee,{child:e,date:u},e.id))})]})})]}):a(`p`,{children:n(`loading`)})}function ee({child:e,date:r}){let i=e.growth.filter(e=>e.measuredOn<r).pop()??e.growth[e.growth.length-1],c=e.growth.find(e=>e.measuredOn===r),[l,d]=o(``),[f,p]=o(``),[h,g]=o(!1),[v,y]=o(`idle`),b=m.value.some(t=>t.op===`GROWTH`&&t.childId===e.id),x={measuredOn:r,heightCm:l?Number(l):null,weightKg:f?Number(f):null},S=async t=>{(l||f)&&(!t&&D(i,x)?g(!0):(await _(e,`GROWTH`,{childId:e.id,measuredOn:r,heightCm:x.heightCm,weightKg:x.weightKg}),g(!1),y(`saved`),d(``),p(``)))};return a(t,{children:[a(`tr`,{"data-testid":`growth-row`,"data-child":e.id,"data-warn":h?`true`:`false`,"data-pending":b?`true`:`false`,children:[a(`th`,{scope:`row`,children:e.name}),a(`td`,{class:`small`,children:[i?a(t,{children:[i.heightCm?.toFixed(1)??`—`,a(`br`,{}),i.weightKg?.toFixed(1)??`—`]}):`—`,c?.flaggedForReview&&a(`span`,{class:`flag`,children:[` `,s(`growthFlagged`)]})]}),a(`td`,{children:a(`input`,{class:`num-input`,inputMode:`decimal`,"aria-label":s(`growthHeightOf`,{name:e.name}),value:l,onInput:e=>(d(e.currentTarget.value),g(!1))})}),a(`td`,{children:a(`input`,{class:`num-input`,inputMode:`decimal`,"aria-label":s(`growthWeightOf`,{name:e.name}),value:f,onInput:e=>(p(e.currentTarget.value),g(!1))})}),a(`td`,{children:b&&!h?a(`span`,{class:`muted small`,children:n(`stPending`)}):v===`saved`&&!h?a(`span`,{class:`ok`,children:[a(u,{name:`check`}),` `,s(`growthSaved`)]}):a(`button`,{class:`btn small`,onClick:()=>void S(!1),children:s(`growthSave`)})})]}),h&&a(`tr`,{class:`warn-row`,children:a(`td`,{colSpan:5,children:a(`p`,{class:`fever-flag`,role:`alert`,"data-testid":`growth-warning`,children:[a(u,{name:`alert`}),` `,s(`growthCheck`),a(`button`,{class:`btn small`,onClick:()=>void S(!0),children:s(`growthSaveAnyway`)})]})})})]})}var te=[`COUGH`,`RUNNY_NOSE`,`DIARRHEA`,`VOMITING`,`RASH`,`CONJUNCTIVITIS`,`OTHER`],ne=[`1`,`2`,`3`,`4`,`5`,`6`,`7`,`8`,`9`,`.`,`0`,`back`];function re(e,t){let n=m.value.filter(t=>t.op===`HEALTH`&&t.childId===e.id),r=n[n.length-1];if(r){let e=r.input?.temperatureC??null;return{temperatureC:e,fever:k(e,t),at:r.occurredAt,pending:!0}}let i=e.healthChecks.filter(e=>e.source===`NURSERY`),a=i[i.length-1];return a?{temperatureC:a.temperatureC??null,fever:a.fever,at:a.recordedAt,pending:!1}:null}function ie(){let e=Z(),r=F.value?.feverThresholdC??37.5,i=e?.children??[],[c,d]=o(null),[f,p]=o(``),[m,h]=o([]),[g,v]=o(null),[y,b]=o(!1),x=new Map(i.map(e=>[e.id,re(e,r)])),S=i.find(e=>e.id===c)??i.find(e=>!x.get(e.id))??null,C=A(f),w=k(C,r)||m.includes(`FEVER`),T=e=>{d(e),p(``),h([]),b(!1)},E=async()=>{if(!S)return;if(f&&C==null||C==null&&!m.length){b(!0);return}await _(S,`HEALTH`,{childId:S.id,temperatureC:C,symptoms:m}),v(s(`healthSaved`,{name:S.name,temp:C==null?m.map(e=>n(`symptom${e}`)).join(`・`):`${C.toFixed(1)}℃`}));let e=i.map(e=>e.id),t=e.indexOf(S.id),r=[...e.slice(t+1),...e.slice(0,t)].find(e=>!x.get(e)&&e!==S.id);d(r??null),p(``),h([]),b(!1)};return e?a(`div`,{class:`care-split`,children:[a(`section`,{class:`card`,"aria-labelledby":`health-list`,children:[a(`h2`,{id:`health-list`,children:[e.name,` `,a(`span`,{class:`muted small`,children:s(`healthThreshold`,{threshold:r.toFixed(1)})})]}),a(`ul`,{class:`pick-list`,"data-testid":`health-list`,children:i.map(e=>{let r=x.get(e.id),i=S?.id===e.id;return a(`li`,{children:a(`button`,{class:`pick${i?` on`:``}${r?.fever?` fever`:``}`,"aria-pressed":i,onClick:()=>T(e.id),"data-testid":`health-child`,"data-child":e.id,"data-fever":r?.fever?`true`:`false`,children:[a(`span`,{class:`pick-name`,children:e.name}),a(`span`,{class:`pick-state`,children:r?a(t,{children:[r.fever&&a(u,{name:`alert`}),r.fever?s(`healthFever`,{temp:r.temperatureC==null?``:`${r.temperatureC.toFixed(1)}℃`}):r.temperatureC==null?`—`:`${r.temperatureC.toFixed(1)}℃`,` `,a(`span`,{class:`muted small`,children:r.pending?n(`stPending`):l(r.at)})]}):a(`span`,{class:`muted`,children:s(`healthNoneYet`)})})]})},e.id)})})]}),a(`section`,{class:`card pad-card`,"aria-labelledby":`health-form`,"data-testid":`health-form`,children:[g&&a(`p`,{class:`ok`,role:`status`,children:[a(u,{name:`check`}),` `,g]}),S?a(t,{children:[a(`h2`,{id:`health-form`,children:s(`healthWho`,{name:S.name})}),a(`output`,{class:w?`temp-display fever`:`temp-display`,"aria-live":`polite`,"data-testid":`temp-display`,children:[a(`span`,{class:`visually-hidden`,children:s(`healthTemp`)}),f||`--.-`,a(`span`,{class:`unit`,children:`℃`})]}),w&&a(`p`,{class:`fever-flag`,role:`alert`,"data-testid":`fever-flag`,children:[a(u,{name:`alert`}),` `,s(`healthFeverNow`,{threshold:r.toFixed(1)})]}),y&&a(`p`,{class:`error`,children:s(`healthInvalid`)}),a(`div`,{class:`numpad`,role:`group`,"aria-label":s(`healthTemp`),children:ne.map(e=>a(`button`,{type:`button`,class:`btn key`,"aria-label":e===`back`?s(`padBack`):e,onClick:()=>p(t=>O(t,e)),children:e===`back`?a(u,{name:`back`}):e},e))}),a(`fieldset`,{class:`choices`,children:[a(`legend`,{children:s(`healthSymptoms`)}),a(`div`,{class:`toggle-grid`,children:te.map(e=>{let t=m.includes(e);return a(`button`,{type:`button`,class:t?`btn big-toggle on`:`btn big-toggle`,"aria-pressed":t,onClick:()=>h(t?m.filter(t=>t!==e):[...m,e]),children:n(`symptom${e}`)},e)})})]}),a(`button`,{class:`btn primary wide big`,onClick:()=>void E(),"data-testid":`health-save`,children:s(`healthSave`)})]}):a(`p`,{class:`ok`,children:s(`healthDone`)})]})]}):a(`p`,{children:n(`loading`)})}var ae=[`MORNING_SNACK`,`LUNCH`,`AFTERNOON_SNACK`],oe=[`ALL`,`MOST`,`HALF`,`LITTLE`,`NONE`];function se(){let e=new Date(Date.now()+324e5).getUTCHours();return e<11?`MORNING_SNACK`:e<14?`LUNCH`:`AFTERNOON_SNACK`}function ce(){let e=Z(),[r,i]=o(se),l=Q(),d=(e?.children??[]).filter(e=>l.has(e.id)),f=(e,t)=>{let n=m.value.filter(t=>t.op===`MEAL`&&t.childId===e&&t.input?.meal===r),i=n[n.length-1];if(i)return{amount:i.input.amount,pending:!0};let a=t.filter(e=>e.meal===r).pop();return a?{amount:a.amount,pending:!1}:null},p=d.filter(e=>!f(e.id,e.meals)),h=c(),g=(e,t)=>_(e,`MEAL`,{childId:e.id,date:h,meal:r,amount:t}),v=async()=>{for(let e of p)await g(e,`ALL`)};return e?a(t,{children:[a(`nav`,{class:`tabs`,"aria-label":s(`mealKind`),children:ae.map(e=>a(`button`,{class:e===r?`tab on`:`tab`,"aria-pressed":e===r,onClick:()=>i(e),children:s(`meal${e}`)},e))}),d.length===0?a(`p`,{class:`muted`,children:s(`mealsNobody`)}):a(`div`,{class:`class-action`,children:[a(`button`,{class:`btn primary big`,disabled:!p.length,onClick:()=>void v(),"data-testid":`all-ate`,children:[a(u,{name:`check`}),` `,p.length?s(`mealsAllAte`):s(`mealsAllDone`)]}),p.length>0&&a(`span`,{class:`muted`,children:s(`mealsAllAteHint`,{n:p.length})})]}),a(`ul`,{class:`meal-grid`,"data-testid":`meal-grid`,children:d.map(e=>{let r=f(e.id,e.meals);return a(`li`,{class:`card meal-tile${r?.pending?` pending`:``}`,"data-testid":`meal-tile`,"data-child":e.id,"data-amount":r?.amount??``,"data-pending":r?.pending?`true`:`false`,children:[a(`h3`,{children:e.name}),a(`p`,{class:e.allergies.length?`tile-note allergy`:`muted small`,children:e.allergies.length?a(t,{children:[a(u,{name:`alert`,size:16}),` `,s(`allergyTag`,{list:e.allergies.join(`・`)})]}):s(`noAllergy`)}),a(`div`,{class:`chips`,role:`group`,"aria-label":s(`mealAmount`,{name:e.name}),children:oe.map(t=>a(`button`,{class:r?.amount===t?`chip on`:`chip`,"aria-pressed":r?.amount===t,onClick:()=>void g(e,t),children:n(`amount${t}`)},t))})]},e.id)})})]}):a(`p`,{children:n(`loading`)})}var le=[`BACK`,`SIDE`,`FRONT`];function ue(){let e=Z(),r=Q(),i=(e?.children??[]).filter(e=>r.has(e.id)),[c,d]=o(null),f=I.value,p=e?.children.flatMap(e=>e.naps).find(e=>e.checkIntervalSeconds)?.checkIntervalSeconds??null,h=(e,t,n)=>void _(e,`NAP_CHECK`,{childId:e.id,position:t,breathingOk:n}),g=i.map(e=>{let t=m.value.filter(t=>t.childId===e.id&&(t.op===`NAP_CHECK`||t.op===`NAP_END`)),n=t.findLastIndex(e=>e.op===`NAP_END`),r=n>=0,i=t.slice(n+1).filter(e=>e.op===`NAP_CHECK`).map(e=>e.occurredAt),a=r?e.naps.map(e=>({...e,endedAt:e.endedAt??t[n].occurredAt})):e.naps;return{child:e,clock:E(a,e.napChecks,i,f,p)}}),v=g.filter(e=>e.clock.sleeping).length;return e?a(t,{children:[a(`p`,{class:`counts`,children:s(`napSleeping`,{n:v})}),i.length===0&&a(`p`,{class:`muted`,children:s(`napsNobody`)}),a(`ul`,{class:`nap-grid`,"data-testid":`nap-grid`,children:g.map(({child:e,clock:t})=>a(`li`,{class:`card nap-tile${t.overdue?` overdue`:t.sleeping?` sleeping`:``}`,"data-testid":`nap-tile`,"data-child":e.id,"data-state":t.overdue?`overdue`:t.sleeping?`sleeping`:`awake`,children:[a(`h3`,{children:e.name}),a(`p`,{class:`nap-clock`,role:t.overdue?`alert`:void 0,children:[t.sleeping?t.remainingMs==null?a(`span`,{children:s(`napNoInterval`)}):t.overdue?a(`strong`,{children:[a(u,{name:`alert`}),` `,s(`napOverdue`,{time:j(t.remainingMs)})]}):a(`span`,{children:[a(u,{name:`clock`}),` `,s(`napNext`,{time:j(t.remainingMs)})]}):a(`span`,{class:`muted`,children:s(`napAwake`)}),t.lastCheckAt&&a(`span`,{class:`small`,children:[` `,s(`napLast`,{time:l(t.lastCheckAt)})]})]}),!t.sleeping&&a(`p`,{class:`muted small`,children:s(`napStart`)}),a(`div`,{class:`nap-actions`,children:le.map(t=>a(`button`,{class:t===`FRONT`?`btn danger-outline`:`btn`,"aria-label":s(`napRecordAs`,{name:e.name,position:s(`nap${t}`)}),onClick:()=>t===`FRONT`?d({child:e,kind:`FRONT`}):h(e,t,!0),children:s(`nap${t}`)},t))}),a(`div`,{class:`nap-actions`,children:[a(`button`,{class:`btn small danger-outline`,onClick:()=>d({child:e,kind:`BREATHING`}),children:s(`napBreathing`)}),t.sleeping&&a(`button`,{class:`btn small`,onClick:()=>void _(e,`NAP_END`,{childId:e.id}),children:s(`napWake`)})]})]},e.id))}),c&&a(de,{title:s(c.kind===`FRONT`?`napFrontTitle`:`napBreathTitle`),body:s(c.kind===`FRONT`?`napFrontBody`:`napBreathBody`,{name:c.child.name}),action:s(c.kind===`FRONT`?`napFrontConfirm`:`napBreathConfirm`),onConfirm:()=>c.kind===`FRONT`?h(c.child,`FRONT`,!0):h(c.child,`BACK`,!1),onClose:()=>d(null)})]}):a(`p`,{children:n(`loading`)})}function de({title:t,body:i,action:o,onConfirm:s,onClose:c}){let l=r(null);return e(()=>{l.current?.showModal()},[]),a(`dialog`,{ref:l,class:`dialog`,onClose:c,"aria-labelledby":`confirm-title`,"data-testid":`confirm`,children:[a(`h2`,{id:`confirm-title`,children:[a(u,{name:`alert`}),` `,t]}),a(`p`,{children:i}),a(`div`,{class:`dialog-actions`,children:[a(`button`,{type:`button`,class:`btn`,onClick:c,children:n(`cancel`)}),a(`button`,{type:`button`,class:`btn danger`,onClick:()=>{s(),c()},children:o})]})]})}function fe({banner:t,nurseryId:n,route:r}){e(()=>X(n),[n]);let[i,o]=r===`/care/meals`?[s(`mealsTitle`),a(ce,{})]:r===`/care/naps`?[s(`napsTitle`),a(ue,{})]:r===`/care/growth`?[s(`growthTitle`),a($,{nurseryId:n})]:[s(`healthTitle`),a(ie,{})];return a(d,{title:i,banner:t,pending:m.value.length,wide:!0,children:[a(f,{}),a(v,{}),o]})}export{fe as CareScreen};