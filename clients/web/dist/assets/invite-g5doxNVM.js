import{i as e,l as t,n,s as r,t as i}from"./jsxRuntime-nMkLdJGP.js";import{C as a,S as o,h as s}from"./index-BVrHyDWs.js";import{t as c}from"./strings-account-nu453sFy.js";import{d as l,o as u,t as d}from"./shell-CJ9o8elv.js";var f=new s(`
    mutation InviteUser($input: InviteUserInput!, $origin: String!) {
  inviteUser(input: $input) {
    ...IssuedCodeFields
  }
}
    fragment IssuedCodeFields on IssuedCode {
  code
  qrSvg(origin: $origin)
  activationLink(origin: $origin)
  accountCode {
    id
    displayName
    email
    role
    status
    expiresAt
  }
}`),p=new s(`
    mutation ReissueAccountCode($id: ID!, $origin: String!) {
  reissueAccountCode(id: $id) {
    ...IssuedCodeFields
  }
}
    fragment IssuedCodeFields on IssuedCode {
  code
  qrSvg(origin: $origin)
  activationLink(origin: $origin)
  accountCode {
    id
    displayName
    email
    role
    status
    expiresAt
  }
}`),m=new s(`
    mutation RevokeAccountCode($id: ID!) {
  revokeAccountCode(id: $id) {
    id
    status
  }
}
    `),h=new s(`
    query InvitePage($nurseryId: ID!) {
  nursery(id: $nurseryId) {
    id
    name
  }
  accountCodes(nurseryId: $nurseryId) {
    id
    purpose
    displayName
    email
    role
    status
    expiresAt
  }
  me {
    children {
      id
      name
      family {
        id
      }
      classroom {
        name
      }
    }
  }
}
    `);function g({issued:e,nursery:t,lang:n,onDone:r}){let a=u(l(e.accountCode.expiresAt),n),o=`data:image/svg+xml;base64,${btoa(e.qrSvg)}`;return i(`section`,{class:`letter-wrap`,"aria-labelledby":`letter-title`,children:[i(`article`,{class:`letter`,lang:n,"data-testid":`letter`,children:[i(`p`,{class:`letter-nursery`,children:c(`letterNursery`,{nursery:t},n)}),i(`h2`,{id:`letter-title`,children:c(`letterTitle`,void 0,n)}),i(`p`,{children:c(`letterTo`,{name:e.accountCode.displayName},n)}),i(`p`,{children:c(`letterBody`,void 0,n)}),i(`div`,{class:`letter-code`,children:[i(`img`,{src:o,alt:c(`qrAlt`,void 0,n),width:200,height:200,"data-testid":`letter-qr`}),i(`div`,{children:[i(`p`,{class:`muted`,children:c(`letterCode`,void 0,n)}),i(`p`,{class:`code-text`,"data-testid":`letter-code`,children:e.code}),i(`p`,{children:c(`letterExpires`,{date:a},n)})]})]}),i(`p`,{class:`muted`,children:c(`letterKeep`,void 0,n)})]}),i(`div`,{class:`letter-actions`,children:[i(`button`,{class:`btn primary`,onClick:()=>window.print(),children:c(`print`)}),i(`button`,{class:`btn`,onClick:r,children:c(`done`)})]})]})}function _({nurseryId:o}){let[s,f]=t(null),[_,y]=t(null),b=()=>a(h,{nurseryId:o}).then(f);if(r(()=>{b()},[o]),_)return i(d,{title:c(`inviteTitle`),back:`/invite`,children:i(g,{issued:_.issued,lang:_.lang,nursery:s?.nursery?.name??``,onDone:()=>y(null)})});let x=async e=>{let t=await a(p,{id:e,origin:location.origin});y({issued:t.reissueAccountCode,lang:n.value}),b()},S=async e=>{await a(m,{id:e}),b()};return i(d,{title:c(`inviteTitle`),back:`/settings`,children:[!s&&i(`p`,{children:e(`loading`)}),s&&i(v,{page:s,nurseryId:o,onIssued:(e,t)=>{y({issued:e,lang:t}),b()}}),s&&i(`section`,{class:`card`,"aria-labelledby":`codes-title`,children:[i(`h2`,{id:`codes-title`,children:c(`codesTitle`)}),s.accountCodes.length===0&&i(`p`,{class:`muted`,children:c(`noCodes`)}),i(`ul`,{class:`plain`,"data-testid":`codes`,children:s.accountCodes.map(e=>i(`li`,{class:`code-row`,"data-status":e.status,children:[i(`div`,{children:[i(`strong`,{children:e.displayName}),` `,i(`span`,{class:`muted`,children:e.email}),i(`br`,{}),i(`span`,{children:c(`status${e.status}`)}),e.status===`PENDING`&&i(`span`,{class:`muted`,children:[` · `,c(`expires`,{date:u(l(e.expiresAt),n.value)})]})]}),e.status!==`USED`&&i(`div`,{class:`actions`,children:[i(`button`,{class:`btn small`,onClick:()=>void x(e.id),children:c(`reissue`)}),e.status===`PENDING`&&i(`button`,{class:`btn small`,onClick:()=>void S(e.id),children:c(`revoke`)})]})]},e.id))})]})]})}function v({page:e,nurseryId:n,onIssued:r}){let[s,l]=t(`GUARDIAN`),[u,d]=t(``),[p,m]=t(``),[h,g]=t(``),[_,v]=t(`ja`),[y,b]=t(null),[x,S]=t(!1),C=[...e.me.children].sort((e,t)=>e.name.localeCompare(t.name,`ja`));return i(`section`,{class:`card`,"aria-labelledby":`invite-title`,children:[i(`h2`,{id:`invite-title`,children:c(`inviteNew`)}),i(`form`,{onSubmit:async e=>{if(e.preventDefault(),b(null),s===`GUARDIAN`&&!u)b(c(`pickChild`));else{S(!0);try{let e=await a(f,{input:{email:h,displayName:p,role:s,scopeId:s===`GUARDIAN`?u:n,locale:_},origin:location.origin});m(``),g(``),r(e.inviteUser,_)}catch(e){b(e instanceof o&&e.code===`CONFLICT`?c(`alreadyAccount`):e instanceof Error?e.message:String(e))}finally{S(!1)}}},novalidate:!0,"data-testid":`invite-form`,children:[i(`fieldset`,{class:`choice-row`,children:[i(`legend`,{children:c(`inviteWhom`)}),i(`label`,{children:[i(`input`,{type:`radio`,name:`role`,checked:s===`GUARDIAN`,onChange:()=>l(`GUARDIAN`)}),` `,c(`roleGuardian`)]}),i(`label`,{children:[i(`input`,{type:`radio`,name:`role`,checked:s===`STAFF`,onChange:()=>l(`STAFF`)}),` `,c(`roleStaff`)]})]}),s===`GUARDIAN`&&i(`label`,{class:`field`,children:[i(`span`,{children:c(`familyOf`)}),i(`select`,{name:`family`,value:u,onChange:e=>d(e.currentTarget.value),children:[i(`option`,{value:``,children:c(`pickChild`)}),C.map(e=>i(`option`,{value:e.family.id,children:[e.name,`（`,e.classroom.name,`）`]},e.id))]})]}),i(`label`,{class:`field`,children:[i(`span`,{children:c(`displayName`)}),i(`input`,{name:`display-name`,autocomplete:`off`,required:!0,value:p,onInput:e=>m(e.currentTarget.value)})]}),i(`label`,{class:`field`,children:[i(`span`,{children:c(`email`)}),i(`input`,{type:`email`,name:`email`,autocomplete:`off`,required:!0,value:h,onInput:e=>g(e.currentTarget.value)})]}),i(`fieldset`,{class:`choice-row`,children:[i(`legend`,{children:c(`letterLanguage`)}),i(`label`,{lang:`ja`,children:[i(`input`,{type:`radio`,name:`lang`,checked:_===`ja`,onChange:()=>v(`ja`)}),` 日本語`]}),i(`label`,{lang:`en`,children:[i(`input`,{type:`radio`,name:`lang`,checked:_===`en`,onChange:()=>v(`en`)}),` English`]})]}),y&&i(`p`,{class:`error`,role:`alert`,children:y}),i(`button`,{class:`btn primary wide`,type:`submit`,disabled:x,children:c(`inviteButton`)})]})]})}export{_ as Invitations};