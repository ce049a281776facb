import{n as e}from"./jsxRuntime-K-K-D2y6.js";import{_ as t,g as n,h as r,v as i,w as a}from"./index-D4TBl890.js";var o=new r(`
    subscription AttendanceFeed($after: String) {
  attendanceEvents(after: $after) {
    ...AttendanceFields
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
}`),s=new r(`
    subscription CareAlertFeed {
  careAlerts {
    id
    kind
    classroomId
    occurredAt
    message
    temperatureC
    child {
      id
      name
    }
  }
}
    `),c=new r(`
    query LiveCursor {
  liveCursor
}
    `),l=new r(`
    subscription PickupPlanFeed {
  pickupPlanUpdates {
    date
    child {
      id
    }
    plan {
      ...PickupPlanFields
    }
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
}`);function u(e,t){return Date.parse(e.occurredAt)-Date.parse(t.occurredAt)}function d(e,t,n=[]){let r=[...e].sort(u),i=r[r.length-1],a=n[n.length-1],o=f(t,i?.kind===`CHECK_IN`||a?.op===`CHECK_IN`);return a?{status:a.op===`CHECK_IN`?`PRESENT`:`LEFT`,at:a.occurredAt,pickupBy:a.pickupBy??void 0,report:o,pending:!0}:i?{status:i.kind===`CHECK_IN`?`PRESENT`:`LEFT`,at:i.occurredAt,by:i.recordedBy?.displayName,pickupBy:i.pickupBy??void 0,report:o,pending:!1}:o?.kind===`ABSENCE`?{status:`ABSENT`,report:o,pending:!1}:o?.kind===`LATE`?{status:`LATE`,at:o.expectedArrival??void 0,report:o,pending:!1}:{status:`NOT_YET`,report:o,pending:!1}}function f(e,t){let n=e.filter(e=>!t||e.kind===`EARLY_PICKUP`);return n[n.length-1]}function p(e,t){return t.corrects?e.filter(e=>e.id!==t.corrects):e.some(e=>e.id===t.id)?e:[...e,t].sort(u)}function m(e){let t=e.filter(e=>!e.corrects).sort(u);return t[t.length-1]}function h(e,t){if(t.withdrawnAt)return e.filter(e=>e.id!==t.id);let n=e.findIndex(e=>e.id===t.id);if(n<0)return[...e,t];let r=[...e];return r[n]=t,r}function g(e,t,n,r){let i=new Set(t.filter(e=>e.kind===`CHECK_IN`).map(e=>r(e.occurredAt))),a={};for(let t of e){let e=n.filter(e=>e.date===t);i.has(t)?a[t]=e.some(e=>e.kind===`LATE`)?`LATE`:`PRESENT`:e.some(e=>e.kind===`ABSENCE`)&&(a[t]=`ABSENT`)}return a}var _={ja:{pickup:`お迎え`,pickupTitle:`お迎え`,todayPlan:`今日のお迎え`,planTime:`お迎えの時刻`,planWho:`お迎えに行く人`,oneOff:`今日だけの方`,oneOffHint:`登録していない方は、保育所が確認するまで「確認待ち」になります`,name:`お名前`,relation:`続柄`,relationHint:`例: 祖母、おじ、シッター`,phone:`電話番号`,phoneHint:`例: 090-1234-5678`,savePlan:`お迎えを知らせる`,clearPlan:`取り消す`,planSaved:`保育所に伝えました`,planNone:`まだ知らせていません`,planLine:`お迎え {time} {name}`,confirmed:`確認済み`,unconfirmed:`確認待ち`,listTitle:`お迎えできる人`,listLead:`保護者のほかにお迎えに来る方を登録します。保育所が確認すると「確認済み」になります。`,listEmpty:`まだ登録されていません`,addPerson:`登録する`,remove:`削除`,removeConfirm:`{name}さんを削除しますか？`,needPerson:`お迎えに行く人を選んでください`,required:`入力してください`,staffTitle:`お迎えの確認`,staffPlans:`今日のお迎え予定`,staffPlansNone:`今日のお迎え予定はまだありません`,staffToConfirm:`確認が必要な方`,staffToConfirmNone:`確認が必要な方はいません`,staffConfirm:`確認した`,staffWarnings:`登録外の方のお迎え`,staffWarningItem:`{child}: {who}（{time}）`,staffWarningLive:`{child}さんが登録外の方（{who}）のお迎えで降園しました`,staffWhoUnknown:`名前なし`,tileUnconfirmed:`未確認`,chooseTitle:`お迎えの方`,choosePlanned:`予定の方`,chooseList:`登録されている方`,chooseGuardian:`保護者`,chooseGuardianLabel:`保護者（母・父）`,chooseOther:`その他の方`,otherWarns:`登録されていない方です。園長に通知されます`,unconfirmedWarns:`まだ確認されていない方です。園長に通知されます`,ofFamily:`{children} のご家族`},en:{pickup:`Pick-up`,pickupTitle:`Pick-up`,todayPlan:`Today's pick-up`,planTime:`Pick-up time`,planWho:`Who is coming`,oneOff:`Someone for today only`,oneOffHint:`Someone not on your list shows as "waiting" until the nursery confirms them`,name:`Name`,relation:`Relation`,relationHint:`e.g. grandmother, uncle, sitter`,phone:`Phone`,phoneHint:`e.g. 090-1234-5678`,savePlan:`Tell the nursery`,clearPlan:`Cancel`,planSaved:`The nursery has been told`,planNone:`Not told yet`,planLine:`Pick-up {time} {name}`,confirmed:`Confirmed`,unconfirmed:`Waiting for the nursery`,listTitle:`Who may pick up`,listLead:`People besides the guardians who may collect the children. The nursery confirms each one.`,listEmpty:`Nobody yet`,addPerson:`Add`,remove:`Remove`,removeConfirm:`Remove {name}?`,needPerson:`Choose who is coming`,required:`Required`,staffTitle:`Pick-ups`,staffPlans:`Today's pick-ups`,staffPlansNone:`No pick-ups planned yet today`,staffToConfirm:`To confirm`,staffToConfirmNone:`Nobody to confirm`,staffConfirm:`Confirmed`,staffWarnings:`Collected by someone not on the list`,staffWarningItem:`{child}: {who} ({time})`,staffWarningLive:`{child} was collected by someone not on the list ({who})`,staffWhoUnknown:`no name`,tileUnconfirmed:`not confirmed`,chooseTitle:`Who is collecting`,choosePlanned:`Planned`,chooseList:`On the list`,chooseGuardian:`Guardian`,chooseGuardianLabel:`Guardian (mother, father)`,chooseOther:`Someone else`,otherWarns:`Not on the list: the head will be notified`,unconfirmedWarns:`Not confirmed yet: the head will be notified`,ofFamily:`Family of {children}`}};function v(t,n){let r=_[e.value][t];if(n)for(let[e,t]of Object.entries(n))r=r.split(`{${e}}`).join(String(t));return r}function y(e){return e.op===`CHECK_IN`||e.op===`CHECK_OUT`}var b=`taps`,x=class{constructor(e){a(this,`store`,void 0),a(this,`running`,null),this.store=e??n(`tsunagu-queue`,`queue`)}async list(){return await t(b,this.store)??[]}async enqueue(e){await i(b,(t=[])=>t.some(t=>t.key===e.key)?t:[...t,e],this.store)}async remove(e){await i(b,(t=[])=>t.filter(t=>t.key!==e),this.store)}replay(e,t,n){return this.running||(this.running=(async()=>{try{for(let r of await this.list()){let i=await e(r);if(i.kind===`retry`)return;await this.remove(r.key),i.kind===`refused`?t({tap:r,code:i.code,message:i.message}):n?.(r)}}finally{this.running=null}})()),this.running}};function S(){return typeof crypto<`u`&&`randomUUID`in crypto?`tap-${crypto.randomUUID()}`:`tap-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`}export{d as a,h as c,c as d,s as f,v as i,g as l,y as n,m as o,o as p,S as r,p as s,x as t,l as u};