import{s as e}from"./jsxRuntime-K-K-D2y6.js";import{C as t,h as n,y as r}from"./index-D4TBl890.js";import{u as i}from"./queue-CEk2iEdD.js";import{h as a}from"./shell-BLv-c9W6.js";var o=new n(`
    query StaffPickup($nurseryId: ID!) {
  pickupPlans(nurseryId: $nurseryId) {
    ...PickupPlanFields
  }
  unconfirmedPickupPeople(nurseryId: $nurseryId) {
    ...PickupPersonFields
    family {
      id
      children {
        id
        name
      }
    }
  }
  pickupWarnings(nurseryId: $nurseryId) {
    id
    pickupBy
    raisedAt
    child {
      id
      name
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
}`),s=new n(`
    mutation ConfirmPickupPerson($id: ID!) {
  confirmPickupPerson(id: $id) {
    ...PickupPersonFields
  }
}
    fragment PickupPersonFields on PickupPerson {
  id
  name
  relation
  phone
  confirmed
}`),c=new n(`
    mutation ConfirmPickupPlan($childId: ID!, $date: Date!) {
  confirmPickupPlan(childId: $childId, date: $date) {
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
}`),l=new n(`
    subscription PickupWarningFeed {
  pickupWarningUpdates {
    id
    pickupBy
    raisedAt
    child {
      id
      name
    }
  }
}
    `),u=e(new Map),d=e([]),f=e([]),p=e([]),m=``;function h(e,t){let n=new Map(u.value);t?n.set(e,t):n.delete(e),u.value=n}async function g(e){try{let n=await t(o,{nurseryId:e});u.value=new Map(n.pickupPlans.map(e=>[e.child.id,e])),d.value=n.unconfirmedPickupPeople,f.value=n.pickupWarnings}catch{}}function _(e){if(m===e)return()=>{};m=e,g(e);let t=a(),n=r(i,()=>({}),e=>{let t=e.pickupPlanUpdates;t.date===a()&&h(t.child.id,t.plan??null)}),o=r(l,()=>({}),e=>{let t=e.pickupWarningUpdates;f.value.some(e=>e.id===t.id)||(f.value=[t,...f.value],p.value=[...p.value,t])}),s=setInterval(()=>{a()!==t&&g(e)},6e4);return()=>{m=``,n(),o(),clearInterval(s)}}function v(e){p.value=p.value.filter(t=>t.id!==e)}async function y(e){await t(s,{id:e}),d.value=d.value.filter(t=>t.id!==e),u.value=new Map([...u.value].map(([t,n])=>[t,n.person?.id===e?{...n,confirmed:!0}:n]))}async function b(e){let n=(await t(c,{childId:e,date:a()})).confirmPickupPlan;h(e,n)}export{u as a,f as c,p as i,y as n,_ as o,v as r,d as s,b as t};